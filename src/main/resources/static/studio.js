// The studio's editor: opens a workspace's files, saves them with the revision they were made from (a refused save
// shows both texts to merge), and compiles the workspace after each pause in typing, marking the problems' lines.
(function () {
  "use strict";
  var page = document.getElementById("studio");
  if (!page || typeof CodeMirror === "undefined") {
    return;
  }
  var base = page.dataset.base;
  var edits = page.dataset.edits === "true";
  var headers = {"Content-Type": "application/json"};
  headers[page.dataset.csrfHeader] = page.dataset.csrfToken;
  var CHECK_AFTER_MS = 1000;

  var open = null; // {path, revision, saved}: the file in the editor, as last saved
  var problems = [];
  var marks = [];
  var checkTimer = null;
  var checking = 0;

  var editor = CodeMirror.fromTextArea(document.getElementById("editor"), {
    lineNumbers: true,
    matchBrackets: true,
    autoCloseBrackets: true,
    readOnly: edits ? false : "nocursor",
    gutters: ["CodeMirror-linenumbers", "problem-gutter"],
    extraKeys: {"Ctrl-S": function () { save(); }, "Cmd-S": function () { save(); }}
  });
  var theirs = readOnlyEditor("theirs");
  var yours = readOnlyEditor("yours");

  function readOnlyEditor(id) {
    return CodeMirror.fromTextArea(document.getElementById(id), {lineNumbers: true, readOnly: true});
  }

  function modeOf(path) {
    if (/\.drl$/.test(path)) { return "drl"; }
    if (/\.bpmn2?$/.test(path)) { return "xml"; }
    if (/\.ya?ml$/.test(path)) { return "yaml"; }
    return null;
  }

  function status(id, text, failed) {
    var el = document.getElementById(id);
    el.textContent = text;
    el.classList.toggle("error", !!failed);
  }

  function dirty() {
    return open !== null && editor.getValue() !== open.saved;
  }

  function request(method, url, body) {
    return fetch(url, {method: method, headers: headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)})
      .then(function (response) {
        return response.text().then(function (text) {
          var json = text ? JSON.parse(text) : null;
          if (!response.ok) {
            var error = new Error(json && json.detail ? json.detail : response.status + " " + response.statusText);
            error.status = response.status;
            error.body = json;
            throw error;
          }
          return json;
        });
      });
  }

  function fileLink(path) {
    return document.querySelector('#files a.file[data-path="' + CSS.escape(path) + '"]');
  }

  function openFile(path, line) {
    if (open && open.path === path) {
      jumpTo(line);
      return Promise.resolve();
    }
    if (dirty() && !window.confirm(open.path + " has changes that are not saved. Leave them?")) {
      return Promise.resolve();
    }
    return request("GET", base + "/file?path=" + encodeURIComponent(path)).then(function (file) {
      open = {path: file.path, revision: file.revision, saved: file.content};
      editor.setOption("mode", modeOf(file.path));
      editor.setValue(file.content);
      editor.clearHistory();
      document.querySelectorAll("#files a.file.open").forEach(function (a) { a.classList.remove("open"); });
      var link = fileLink(file.path);
      if (link) { link.classList.add("open"); }
      document.getElementById("open-path").textContent = file.path;
      status("save-state", "saved by " + file.savedBy + " (revision " + file.revision + ")");
      ["save", "rename", "delete"].forEach(function (id) {
        var button = document.getElementById(id);
        if (button) { button.disabled = id === "save"; }
      });
      history.replaceState(null, "", "#" + encodeURIComponent(file.path));
      showProblems();
      jumpTo(line);
      if (window.turnaroundModeler) {
        return window.turnaroundModeler.opened(file.path);
      }
    }).catch(function (e) { status("save-state", e.message, true); });
  }

  function jumpTo(line) {
    if (line > 0) {
      editor.setCursor({line: line - 1, ch: 0});
      editor.scrollIntoView({line: line - 1, ch: 0}, 80);
      editor.focus();
    }
  }

  function save(over) {
    if (!open || !edits) {
      return;
    }
    // A change still on its way from the diagram to the XML goes with the save.
    Promise.resolve(window.turnaroundModeler && window.turnaroundModeler.flush()).then(function () { send(over); });
  }

  function send(over) {
    var content = editor.getValue();
    var revision = over ? over.revision : open.revision;
    status("save-state", "saving…");
    request("PUT", base + "/file?path=" + encodeURIComponent(open.path), {content: content, revision: revision})
      .then(function (saved) {
        open.revision = saved.revision;
        open.saved = content;
        var link = fileLink(open.path);
        if (link) { link.dataset.revision = saved.revision; }
        document.getElementById("conflict").hidden = true;
        document.getElementById("save").disabled = !dirty();
        status("save-state", "saved (revision " + saved.revision + ")");
      })
      .catch(function (e) {
        if (e.status === 409) {
          showConflict(e.message, e.body);
        }
        status("save-state", "not saved: " + e.message, true);
      });
  }

  var conflicting = null;

  function showConflict(message, body) {
    conflicting = body && body.theirs ? {revision: body.theirs.revision, text: body.theirText} : {revision: 0, text: ""};
    document.getElementById("conflict-message").textContent = message;
    document.getElementById("conflict").hidden = false;
    theirs.setOption("mode", modeOf(open.path));
    yours.setOption("mode", modeOf(open.path));
    theirs.setValue(conflicting.text);
    yours.setValue(editor.getValue());
    theirs.refresh();
    yours.refresh();
  }

  function check() {
    if (!edits) {
      return;
    }
    var sent = ++checking;
    status("check-state", "checking…");
    var body = open ? {path: open.path, content: editor.getValue()} : {};
    request("POST", base + "/check", body).then(function (result) {
      if (sent !== checking) {
        return;
      }
      problems = result.problems;
      showProblems();
      status("check-state", problems.length === 0
        ? "none: it compiles (" + result.millis + " ms)"
        : problems.length + (problems.length === 1 ? " problem" : " problems") + " (" + result.millis + " ms)",
        problems.length > 0);
    }).catch(function (e) {
      if (sent === checking) { status("check-state", "not checked: " + e.message, true); }
    });
  }

  function showProblems() {
    marks.forEach(function (m) { m.clear(); });
    marks = [];
    editor.clearGutter("problem-gutter");
    for (var l = 0; l < editor.lineCount(); l++) {
      editor.removeLineClass(l, "background", "problem-line");
    }
    var list = document.getElementById("problem-list");
    list.replaceChildren();
    document.querySelectorAll("#files a.file.has-problems").forEach(function (a) { a.classList.remove("has-problems"); });
    problems.forEach(function (p) {
      var item = document.createElement("li");
      var where = (p.file || "bundle") + (p.line > 0 ? ":" + p.line : "");
      if (p.file) {
        var link = document.createElement("a");
        link.href = "#";
        link.textContent = where;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          if (open && open.path === p.file && window.turnaroundModeler && window.turnaroundModeler.focus(p)) {
            return;
          }
          openFile(p.file, p.line);
        });
        item.appendChild(link);
        var file = fileLink(p.file);
        if (file) { file.classList.add("has-problems"); }
      } else {
        item.appendChild(document.createTextNode(where));
      }
      item.appendChild(document.createTextNode(": " + p.message));
      list.appendChild(item);
      if (open && p.file === open.path && p.line > 0 && p.line <= editor.lineCount()) {
        markLine(p.line - 1, p.message);
      }
    });
    if (window.turnaroundModeler) {
      window.turnaroundModeler.problems(problems.filter(function (p) { return open && p.file === open.path; }));
    }
  }

  function markLine(line, message) {
    var text = editor.getLine(line);
    var from = text.length - text.replace(/^\s+/, "").length;
    marks.push(editor.markText({line: line, ch: from}, {line: line, ch: Math.max(text.length, from + 1)},
      {className: "problem-text", title: message}));
    editor.addLineClass(line, "background", "problem-line");
    var marker = document.createElement("span");
    marker.className = "problem-marker";
    marker.title = message;
    marker.textContent = "●";
    editor.setGutterMarker(line, "problem-gutter", marker);
  }

  editor.on("change", function () {
    var changed = dirty();
    var button = document.getElementById("save");
    if (button) { button.disabled = !changed; }
    if (changed) { status("save-state", "changes not saved"); }
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, CHECK_AFTER_MS);
  });

  function opensOnClick(a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      openFile(a.dataset.path, 0);
    });
  }

  /** A file the server made (a scenario kept from a tried ticket) joins the tree in its place. */
  function addFileLink(path) {
    var a = document.createElement("a");
    a.href = "#";
    a.className = "file";
    a.dataset.path = path;
    a.textContent = path;
    opensOnClick(a);
    var item = document.createElement("li");
    item.appendChild(a);
    var list = document.getElementById("files");
    var next = Array.prototype.find.call(list.children, function (li) {
      return li.querySelector("a.file").dataset.path > path;
    });
    list.insertBefore(item, next || null);
    return a;
  }

  document.querySelectorAll("#files a.file").forEach(opensOnClick);

  function reloadAt(path) {
    open = null; // nothing unsaved is left: the page may go
    window.location.hash = encodeURIComponent(path);
    window.location.reload();
  }

  function bind(id, handler) {
    var el = document.getElementById(id);
    if (el) { el.addEventListener("click", handler); }
  }

  bind("save", function () { save(); });
  bind("save-over", function () { save(conflicting); });
  bind("take-theirs", function () {
    open.revision = conflicting.revision;
    open.saved = conflicting.text;
    editor.setValue(conflicting.text);
    document.getElementById("conflict").hidden = true;
    status("save-state", "their text (revision " + conflicting.revision + ")");
  });
  bind("rename", function () {
    if (dirty()) {
      status("save-state", "save or undo the changes first", true);
      return;
    }
    var to = window.prompt("Rename " + open.path + " to", open.path);
    if (to && to !== open.path) {
      request("POST", base + "/renames", {from: open.path, to: to, revision: open.revision})
        .then(function (moved) { reloadAt(moved.path); })
        .catch(function (e) { status("save-state", "not renamed: " + e.message, true); });
    }
  });
  bind("delete", function () {
    if (window.confirm("Delete " + open.path + " from the workspace?")) {
      request("DELETE", base + "/file?path=" + encodeURIComponent(open.path) + "&revision=" + open.revision)
        .then(function () { reloadAt(""); })
        .catch(function (e) { status("save-state", "not deleted: " + e.message, true); });
    }
  });
  var newFile = document.getElementById("new-file");
  if (newFile) {
    newFile.addEventListener("submit", function (event) {
      event.preventDefault();
      var path = newFile.elements.path.value.trim();
      request("PUT", base + "/file?path=" + encodeURIComponent(path), {content: "", revision: 0})
        .then(function () { reloadAt(path); })
        .catch(function (e) { status("save-state", "not added: " + e.message, true); });
    });
  }
  var discard = document.getElementById("discard-form");
  if (discard) {
    discard.addEventListener("submit", function (event) {
      if (!window.confirm("Discard this workspace? Its files will not become a version.")) {
        event.preventDefault();
      }
    });
  }
  var submit = document.getElementById("submit-form");
  if (submit) {
    submit.addEventListener("submit", function (event) {
      if (dirty()) {
        event.preventDefault();
        status("save-state", "save the changes before submitting", true);
      }
    });
  }
  window.addEventListener("beforeunload", function (event) {
    if (dirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // What the trial panels (studio-trials.js) need of the editor.
  window.turnaroundStudio = {
    request: request,
    /** A change the diagram has not written to the XML yet can be saved at once: saving writes it first. */
    pendingChange: function () {
      var button = document.getElementById("save");
      if (button && edits && open) { button.disabled = false; }
      status("save-state", "changes not saved");
    },
    openFile: openFile,
    /** The open file's text as the editor shows it, saved or not. */
    unsaved: function () { return open ? {path: open.path, content: editor.getValue()} : {}; },
    revisionOf: function (path) {
      var link = fileLink(path);
      return link ? Number(link.dataset.revision) : 0;
    },
    /** After the server changed a file: the tree learns its revision; the page reloads if it was new or open. */
    changed: function (saved) {
      var link = fileLink(saved.path) || addFileLink(saved.path);
      link.dataset.revision = saved.revision;
      if (open && open.path === saved.path && !dirty()) {
        open = null;
        openFile(saved.path, 0);
      }
    },
    isDirty: function (path) { return open !== null && open.path === path && dirty(); },
    editorText: function () { return editor.getValue(); },
    /** The diagram's XML replaces the text as one change (undo in the XML view takes it back). */
    setEditorText: function (text) {
      if (text !== editor.getValue()) {
        editor.operation(function () {
          editor.replaceRange(text, {line: 0, ch: 0}, {line: editor.lastLine(), ch: editor.getLine(editor.lastLine()).length});
        });
      }
    },
    showEditor: function (visible) {
      editor.getWrapperElement().hidden = !visible;
      if (visible) { editor.refresh(); }
    }
  };

  // A link to another file of the workspace (#rules/sla.drl) opens it.
  window.addEventListener("hashchange", function () {
    var path = decodeURIComponent(window.location.hash.slice(1));
    if (path && fileLink(path) && (!open || open.path !== path)) {
      openFile(path, 0);
    }
  });

  // After every deferred script (the diagram's among them) has run: the first file may be a process.
  document.addEventListener("DOMContentLoaded", function () {
    var first = decodeURIComponent(window.location.hash.slice(1)) || (document.querySelector("#files a.file") || {dataset: {}}).dataset.path;
    if (first && fileLink(first)) {
      openFile(first, 0).then(check);
    } else {
      check();
    }
  });
})();
