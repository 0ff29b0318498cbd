// Drools rule language (DRL) for CodeMirror 5: keywords, rule attributes, strings, comments, $bindings, numbers.
(function () {
  "use strict";
  var keywords = "package|import|global|function|rule|query|declare|end|when|then|attributes|extends|not|exists|forall"
    + "|from|collect|accumulate|eval|and|or|over|entry-point|modify|insert|insertLogical|retract|delete|update|this"
    + "|matches|memberOf|contains|soundslike|in|new|return|if|else|for|while|instanceof|static|final|true|false|null";
  var attributes = "salience|ruleflow-group|agenda-group|activation-group|no-loop|lock-on-active|auto-focus|dialect"
    + "|date-effective|date-expires|enabled|duration|timer|calendars";
  CodeMirror.defineSimpleMode("drl", {
    start: [
      {regex: /"(?:[^\\"]|\\.)*?(?:"|$)/, token: "string"},
      {regex: /'(?:[^\\']|\\.)*?(?:'|$)/, token: "string"},
      {regex: /\/\/.*/, token: "comment"},
      {regex: /\/\*/, token: "comment", next: "comment"},
      {regex: new RegExp("(?:" + attributes + ")\\b"), token: "attribute"},
      {regex: new RegExp("(?:" + keywords + ")\\b"), token: "keyword"},
      {regex: /\$[\w$]+/, token: "variable-2"},
      {regex: /@[\w.]+/, token: "meta"},
      {regex: /\d+(?:\.\d+)?[dDfFlL]?\b/, token: "number"},
      {regex: /[A-Z][\w$]*/, token: "type"},
      {regex: /[-+\/*=<>!&|]+/, token: "operator"},
      {regex: /[\{\[\(]/, indent: true},
      {regex: /[\}\]\)]/, dedent: true},
      {regex: /[a-z_$][\w$]*/, token: "variable"}
    ],
    comment: [
      {regex: /.*?\*\//, token: "comment", next: "start"},
      {regex: /.*/, token: "comment"}
    ],
    meta: {
      dontIndentStates: ["comment"],
      lineComment: "//",
      blockCommentStart: "/*",
      blockCommentEnd: "*/"
    }
  });
  CodeMirror.defineMIME("text/x-drl", "drl");
})();
