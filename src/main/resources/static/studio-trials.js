// The studio's trial panels: the workspace's scenarios and a replay of the latest tickets, and a ticket typed by the
// analyst decided by the workspace next to the active version, kept as a scenario if wanted. Text goes in as text.
(function () {
  "use strict";
  var studio = window.turnaroundStudio;
  var page = document.getElementById("studio");
  if (!studio || !page || page.dataset.edits !== "true") {
    return;
  }
  var base = page.dataset.base;

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }

  function status(id, text, failed) {
    var e = document.getElementById(id);
    e.textContent = text;
    e.classList.toggle("error", !!failed);
  }

  function withUnsaved(body) {
    var unsaved = studio.unsaved();
    body.path = unsaved.path;
    body.content = unsaved.content;
    return body;
  }

  // Tabs
  document.querySelectorAll(".tabs .tab").forEach(function (tab) {
    tab.addEventListener("click", function () {
      document.querySelectorAll(".tabs .tab").forEach(function (t) {
        var selected = t === tab;
        t.setAttribute("aria-selected", selected ? "true" : "false");
        document.getElementById(t.dataset.tab).hidden = !selected;
      });
    });
  });

  // Scenarios
  document.getElementById("run-scenarios").addEventListener("click", function () {
    status("scenarios-state", "running…");
    var problems = document.getElementById("scenario-problems");
    var failures = document.getElementById("scenario-failures");
    studio.request("POST", base + "/scenarios", withUnsaved({})).then(function (run) {
      status("scenarios-state", run.summary + " (" + run.millis + " ms)", !run.passed);
      problems.replaceChildren();
      run.problems.forEach(function (p) {
        problems.appendChild(el("li", (p.file || "bundle") + (p.line > 0 ? ":" + p.line : "") + ": " + p.message));
      });
      failures.replaceChildren();
      run.failures.concat(run.corpora).forEach(function (shown) {
        var where = el("a", shown.file + ":" + shown.line);
        where.href = "#";
        where.addEventListener("click", function (event) {
          event.preventDefault();
          studio.openFile(shown.file, shown.line);
        });
        var heading = el("p");
        heading.appendChild(where);
        failures.appendChild(heading);
        failures.appendChild(el("pre", shown.text, "diff-text" + (shown.failed ? " failed" : "")));
      });
    }).catch(function (e) { status("scenarios-state", "not run: " + e.message, true); });
  });

  // The latest tickets replayed
  var impactForm = document.getElementById("impact-form");
  impactForm.addEventListener("submit", function (event) {
    event.preventDefault();
    status("impact-state", "replaying…");
    var table = document.getElementById("impact-changes");
    studio.request("POST", base + "/impact", withUnsaved({tickets: Number(impactForm.elements.tickets.value)}))
      .then(function (report) {
        var counts = Object.keys(report.changedFields).map(function (f) { return f + " " + report.changedFields[f]; });
        status("impact-state", report.tickets + " latest tickets decided again by this workspace and by version "
          + report.comparedWith + ": " + report.changes.length + " would change (" + counts.join(", ") + ")"
          + (report.failures.length ? "; " + report.failures.length + " could not be decided: "
          + report.failures.join("; ") : ""), report.failures.length > 0);
        var rows = table.querySelector("tbody");
        rows.replaceChildren();
        report.changes.forEach(function (c) {
          var row = el("tr");
          var key = el("a", c.key);
          key.href = page.dataset.context + "tickets/" + encodeURIComponent(c.key);
          var keyCell = el("td");
          keyCell.appendChild(key);
          row.appendChild(keyCell);
          row.appendChild(el("td", c.client));
          row.appendChild(el("td", c.changed.join(", ")));
          row.appendChild(el("td", c.changed.map(function (f) { return shown(f, c.before[f]); }).join("; ")));
          row.appendChild(el("td", c.changed.map(function (f) { return shown(f, c.after[f]); }).join("; ")));
          rows.appendChild(row);
        });
        table.hidden = report.changes.length === 0;
      }).catch(function (e) { status("impact-state", "not replayed: " + e.message, true); });
  });

  function shown(field, value) {
    return field + " " + (value === null || value === undefined ? "nothing" : value);
  }

  // Try a ticket
  var tryForm = document.getElementById("try-form");
  var tried = null;
  var zone = tryForm.elements.zone.value;
  tryForm.elements.receivedAtLocal.value = new Date(Date.now() - new Date().getTimezoneOffset() * 60000)
    .toISOString().slice(0, 16);

  function typed() {
    var f = tryForm.elements;
    return withUnsaved({tier: f.tier.value, hosting: f.hosting.value, category: f.category.value || null,
      receivedAtLocal: f.receivedAtLocal.value, zone: f.zone.value.trim(), subject: f.subject.value,
      body: f.body.value});
  }

  var ROWS = [
    ["category", "Category"], ["route", "Route"], ["candidateGroup", "Group"], ["slaTarget", "Turnaround"],
    ["slaClock", "Clock"], ["slaDueAt", "Due"], ["ladder", "Escalation ladder"]
  ];

  function when(instant, zoneId) {
    if (!instant) { return "—"; }
    try {
      return new Intl.DateTimeFormat("en-US", {timeZone: zoneId, weekday: "short", day: "numeric", month: "short", hourCycle: "h23",
        hour: "2-digit", minute: "2-digit", timeZoneName: "short"}).format(new Date(instant));
    } catch (e) {
      return instant;
    }
  }

  function cell(field, decision, changed) {
    var td = el("td", null, changed ? "changed" : "");
    if (field === "ladder") {
      var list = el("ul");
      decision.ladder.forEach(function (rung) {
        list.appendChild(el("li", rung.moment + ": " + rung.action + (rung.group ? " " + rung.group : "")
          + " — " + when(rung.at, zone)));
      });
      td.appendChild(list);
    } else if (field === "slaDueAt") {
      td.textContent = when(decision.slaDueAt, zone);
      td.title = decision.slaDueAt || "";
    } else {
      td.textContent = decision[field] === null || decision[field] === undefined ? "—" : decision[field];
    }
    return td;
  }

  function why(listId, explanation) {
    var list = document.getElementById(listId);
    list.replaceChildren();
    explanation.rules.forEach(function (step) {
      var item = el("li");
      item.appendChild(el("span", step.rule, "rule"));
      if (step.decided.length) { item.appendChild(document.createTextNode(": " + step.decided.join(", "))); }
      step.matched.forEach(function (m, i) {
        item.appendChild(document.createTextNode(i === 0 ? " — matched " : ", "));
        item.appendChild(el("span", "“" + m.words + "”", "words"));
        item.appendChild(document.createTextNode(" in the " + m.field));
      });
      list.appendChild(item);
    });
    if (explanation.dueArithmetic) {
      list.appendChild(el("li", explanation.dueArithmetic, "due-arithmetic"));
    }
  }

  tryForm.addEventListener("submit", function (event) {
    event.preventDefault();
    status("try-state", "deciding…");
    var ticket = typed();
    zone = ticket.zone;
    studio.request("POST", base + "/decisions", ticket).then(function (result) {
      tried = ticket;
      var rows = document.querySelector("#try-decisions tbody");
      rows.replaceChildren();
      ROWS.forEach(function (r) {
        var changed = result.differences.indexOf(r[0]) >= 0;
        var row = el("tr", null, changed ? "differs" : "");
        row.dataset.part = r[0];
        row.appendChild(el("th", r[1]));
        row.appendChild(cell(r[0], result.draft, changed));
        row.appendChild(cell(r[0], result.active, changed));
        rows.appendChild(row);
      });
      document.getElementById("try-active-heading").textContent = "Active version " + result.active.policyVersion;
      why("why-draft", result.draft.explanation);
      why("why-active", result.active.explanation);
      document.getElementById("try-result").hidden = false;
      status("try-state", result.differences.length === 0 ? "The workspace decides as the active version does."
        : "The workspace decides differently: " + result.differences.join(", ") + ".");
    }).catch(function (e) {
      var problems = e.body && e.body.problems ? e.body.problems.map(function (p) {
        return (p.file || "bundle") + (p.line > 0 ? ":" + p.line : "") + ": " + p.message;
      }) : [];
      status("try-state", "not decided: " + e.message + (problems.length ? " — " + problems.join("; ") : ""), true);
    });
  });

  var saveForm = document.getElementById("save-scenario");
  saveForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = saveForm.elements.file.value;
    if (studio.isDirty(file)) {
      status("try-state", "save " + file + " first: the scenario is added to its saved text", true);
      return;
    }
    studio.request("POST", base + "/scenario-entries", {ticket: tried, name: saveForm.elements.name.value,
      file: file, revision: studio.revisionOf(file)})
      .then(function (saved) {
        status("try-state", "Kept as a scenario in " + saved.path + " (revision " + saved.revision + ").");
        studio.changed(saved);
      })
      .catch(function (e) { status("try-state", "not kept: " + e.message, true); });
  });
})();
