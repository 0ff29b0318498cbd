// Process diagrams drawn read-only (bpmn-js viewer). On a process's page ("live"), each step carries the open tickets
// there now, how many are breached and the median stay, and a click lists its tickets. On a ticket's page ("ticket"),
// the path its process took, where it is now, its pending timers and the SLA rungs that fired. All text goes in as
// text, never as markup: subjects are the customers'.
(function () {
  "use strict";
  var REFRESH_MS = 30000;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function getJson(url) {
    return fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"}).then(function (r) {
      if (!r.ok) {
        throw new Error(url + " answered " + r.status);
      }
      return r.json();
    });
  }

  function getText(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) {
        throw new Error(url + " answered " + r.status);
      }
      return r.text();
    });
  }

  function at(iso, zone) {
    if (!iso) {
      return "—";
    }
    return new Date(iso).toLocaleString("en-GB", {timeZone: zone || "UTC", weekday: "short", day: "numeric",
      month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short"});
  }

  // ISO-8601 durations as the API gives them (PT3H20M5.5S), in words.
  function words(iso) {
    var m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || "");
    if (!m) {
      return iso || "—";
    }
    var seconds = (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0));
    if (seconds < 60) {
      return Math.round(seconds) + " s";
    }
    if (seconds < 3600) {
      return Math.round(seconds / 60) + " min";
    }
    if (seconds < 48 * 3600) {
      var h = Math.floor(seconds / 3600);
      var min = Math.round((seconds - h * 3600) / 60);
      return h + " h" + (min ? " " + min + " min" : "");
    }
    return (seconds / 86400).toFixed(1) + " d";
  }

  function Diagram(section) {
    this.section = section;
    this.zone = section.dataset.zone;
    this.canvasElement = section.querySelector(".diagram-canvas");
    this.viewer = new BpmnJS({container: this.canvasElement});
    // For the page's tests, as the studio's modeler is kept.
    this.canvasElement.bpmnViewer = this.viewer;
  }

  Diagram.prototype.status = function (text, failed) {
    var e = this.section.querySelector(".diagram-state");
    e.textContent = text;
    e.classList.toggle("error", !!failed);
  };

  Diagram.prototype.open = function (xml) {
    var viewer = this.viewer;
    return viewer.importXML(xml).then(function () {
      viewer.get("canvas").zoom("fit-viewport");
    });
  };

  Diagram.prototype.has = function (id) {
    return !!this.viewer.get("elementRegistry").get(id);
  };

  Diagram.prototype.badge = function (id, type, node, position) {
    // Never smaller than written, however far the diagram is zoomed out to fit.
    this.viewer.get("overlays").add(id, type, {position: position || {top: -14, right: 14}, html: node,
      scale: {min: 1}});
  };

  // Live counts on a process's page.
  function live(section) {
    var diagram = new Diagram(section);
    var process = section.dataset.process;
    var base = section.dataset.base + "/" + encodeURIComponent(process);
    var list = section.querySelector("#node-tickets");

    function show(traffic) {
      var overlays = diagram.viewer.get("overlays");
      overlays.remove({type: "traffic"});
      var missing = [];
      traffic.nodes.forEach(function (node) {
        if (!diagram.has(node.nodeId)) {
          if (node.open > 0) {
            missing.push(node.nodeId + " (" + node.open + ")");
          }
          return;
        }
        if (node.open === 0 && !node.medianStay) {
          return;
        }
        var badge = el("div", "traffic");
        badge.dataset.node = node.nodeId;
        badge.appendChild(el("span", "badge open", String(node.open)));
        if (node.breached > 0) {
          badge.appendChild(el("span", "badge breached", node.breached + " breached"));
        }
        if (node.medianStay) {
          badge.appendChild(el("span", "badge stay", "~" + words(node.medianStay)));
        }
        badge.title = node.open + " open ticket(s) here now, " + node.breached + " breached; "
          + (node.medianStay ? "median stay " + words(node.medianStay) + " over " + node.staysEnded + " stay(s) this week"
            : "no stay ended this week");
        diagram.badge(node.nodeId, "traffic", badge);
      });
      var elsewhere = section.querySelector(".elsewhere");
      elsewhere.hidden = missing.length === 0;
      elsewhere.textContent = missing.length === 0 ? "" : "Open tickets at steps this version no longer has (they run on "
        + "an earlier version): " + missing.join(", ");
      diagram.status("Counts at " + at(traffic.at, diagram.zone) + "; median stays as of "
        + at(traffic.staysAt, diagram.zone) + ".");
    }

    function refresh() {
      return getJson(base + "/traffic").then(show).catch(function (e) {
        diagram.status("The counts could not be read: " + e.message, true);
      });
    }

    function ticketsAt(element) {
      var name = element.businessObject && element.businessObject.name ? element.businessObject.name : element.id;
      getJson(base + "/nodes/" + encodeURIComponent(element.id) + "/tickets?limit=100").then(function (tickets) {
        list.hidden = false;
        list.dataset.node = element.id;
        list.querySelector("h2").textContent = name;
        list.querySelector("p").textContent = tickets.length === 0 ? "No open ticket is here now."
          : tickets.length + " open ticket(s) here now, the longest waiting first" + (tickets.length >= 100 ? " (the first 100)." : ".");
        var body = list.querySelector("tbody");
        body.textContent = "";
        tickets.forEach(function (t) {
          var row = el("tr", t.breached ? "breached" : "");
          var link = el("a", null, t.key);
          link.href = section.dataset.tickets + "/" + encodeURIComponent(t.key);
          var cell = el("td");
          cell.appendChild(link);
          row.appendChild(cell);
          row.appendChild(el("td", null, t.subject));
          row.appendChild(el("td", null, t.tier || "—"));
          row.appendChild(el("td", null, t.candidateGroup || "—"));
          row.appendChild(el("td", null, t.assignee || "—"));
          row.appendChild(el("td", null, at(t.since, diagram.zone)));
          row.appendChild(el("td", null, at(t.slaDueAt, diagram.zone) + (t.breached ? " (breached)" : "")));
          body.appendChild(row);
        });
      }).catch(function (e) {
        diagram.status("The tickets could not be read: " + e.message, true);
      });
    }

    diagram.viewer.get("eventBus").on("element.click", function (event) {
      var type = event.element.type || "";
      if (type !== "bpmn:Process" && type !== "bpmn:SequenceFlow" && type !== "label") {
        ticketsAt(event.element);
      }
    });
    getText(base + "/bpmn?version=" + encodeURIComponent(section.dataset.version)).then(function (xml) {
      return diagram.open(xml);
    }).then(refresh).then(function () {
      setInterval(refresh, REFRESH_MS);
    }).catch(function (e) {
      diagram.status("The diagram could not be drawn: " + e.message, true);
    });
  }

  // One ticket's path on its page.
  function ticket(section) {
    var diagram = new Diagram(section);
    getJson(section.dataset.path).then(function (path) {
      if (!path.processId) {
        section.hidden = true;
        return null;
      }
      var stays = path.stays.filter(function (s) {
        return s.processInstanceId === path.processInstanceId;
      });
      return getText(section.dataset.base + "/" + encodeURIComponent(path.processId) + "/bpmn?version=" + path.policyVersion)
        .then(function (xml) {
          return diagram.open(xml);
        }).then(function () {
          mark(diagram, stays, path.rungsFired);
          timers(section, diagram, path.stays);
        });
    }).catch(function (e) {
      diagram.status("The ticket's diagram could not be drawn: " + e.message, true);
    });
  }

  function mark(diagram, stays, rungsFired) {
    var canvas = diagram.viewer.get("canvas");
    var visited = {};
    var current = {};
    stays.forEach(function (s) {
      visited[s.nodeId] = true;
      if (!s.leftAt) {
        current[s.nodeId] = true;
      }
    });
    var registry = diagram.viewer.get("elementRegistry");
    Object.keys(visited).filter(diagram.has, diagram).forEach(function (id) {
      // An expanded subprocess the process is in is outlined, not filled: the steps inside it say where.
      var scope = (registry.get(id).children || []).length > 0;
      canvas.addMarker(id, current[id] ? (scope ? "current-scope" : "current") : "visited");
    });
    // A flow was taken when the process went through both its ends.
    diagram.viewer.get("elementRegistry").filter(function (e) {
      return e.type === "bpmn:SequenceFlow";
    }).forEach(function (flow) {
      var bo = flow.businessObject;
      if (bo.sourceRef && bo.targetRef && visited[bo.sourceRef.id] && visited[bo.targetRef.id]) {
        canvas.addMarker(flow.id, "visited");
      }
    });
    stays.filter(function (s) {
      return !s.leftAt && s.timerDueAt && diagram.has(s.nodeId);
    }).forEach(function (s) {
      var badge = el("span", "badge timer", "due " + at(s.timerDueAt, diagram.zone));
      badge.title = "This timer fires at " + s.timerDueAt;
      diagram.badge(s.nodeId, "timer", badge, {bottom: -6, left: -40});
    });
    var fired = stays.filter(function (s) {
      return s.leftAt && s.timerDueAt && diagram.has(s.nodeId);
    });
    if (fired.length > 0 && rungsFired.length > 0) {
      var badge = el("span", "badge breached", rungsFired.length + " rung(s) fired");
      badge.title = rungsFired.map(function (r) {
        return r.moment + ": " + r.action + " at " + r.firedAt;
      }).join("\n");
      diagram.badge(fired[0].nodeId, "rungs", badge, {top: -14, left: -40});
    }
    diagram.status(Object.keys(current).length === 0 ? "The process has ended." : "");
  }

  function timers(section, diagram, stays) {
    var list = section.querySelector(".pending-timers");
    var pending = stays.filter(function (s) {
      return !s.leftAt && s.timerDueAt;
    });
    if (!list || pending.length === 0) {
      return;
    }
    list.hidden = false;
    var items = list.querySelector("ul");
    pending.forEach(function (s) {
      var element = diagram.has(s.nodeId) ? diagram.viewer.get("elementRegistry").get(s.nodeId) : null;
      var name = element && element.businessObject.name ? element.businessObject.name : s.nodeId;
      items.appendChild(el("li", null, name + " (" + s.processId + "): due " + at(s.timerDueAt, diagram.zone)));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof BpmnJS === "undefined") {
      return;
    }
    document.querySelectorAll("[data-diagram]").forEach(function (section) {
      if (section.dataset.diagram === "live") {
        live(section);
      } else {
        ticket(section);
      }
    });
  });
})();
