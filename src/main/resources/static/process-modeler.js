// The studio's process diagrams: a BPMN file opens as a diagram (bpmn-js, with jBPM's drools: extension) beside
// its XML. The XML in the editor stays what is saved and checked: each change to the diagram is written back to it,
// and a switch to the diagram reads it again. Problems the server finds are marked on the elements they name.
(function () {
  "use strict";
  var studio = window.turnaroundStudio;
  if (!studio || typeof BpmnJS === "undefined") {
    return;
  }
  var EXPORT_AFTER_MS = 300;
  var modeler = new BpmnJS({container: "#diagram-canvas", moddleExtensions: {drools: window.droolsModdle}});
  var panel = window.processProperties(modeler, document.getElementById("properties"));
  var switcher = document.getElementById("view-switch");
  var diagram = document.getElementById("diagram");
  var diagramButton = document.getElementById("view-diagram");
  var xmlButton = document.getElementById("view-xml");
  var showing = false;
  var importing = false;
  var exportTimer = null;
  var marked = [];
  var problems = [];
  // The diagram's element for the page's tests and for problems: the container keeps it, as CodeMirror's does.
  document.getElementById("diagram-canvas").bpmnModeler = modeler;

  function status(text, failed) {
    var e = document.getElementById("diagram-state");
    e.textContent = text;
    e.classList.toggle("error", !!failed);
  }

  function pressed(diagramShown) {
    diagramButton.setAttribute("aria-pressed", diagramShown ? "true" : "false");
    xmlButton.setAttribute("aria-pressed", diagramShown ? "false" : "true");
  }

  function showXml() {
    flush();
    showing = false;
    diagram.hidden = true;
    studio.showEditor(true);
    pressed(false);
  }

  function showDiagram() {
    importing = true;
    // Shown before the import: the canvas measures its container.
    studio.showEditor(false);
    diagram.hidden = false;
    return modeler.importXML(studio.editorText()).then(function (result) {
      importing = false;
      showing = true;
      pressed(true);
      var canvas = modeler.get("canvas");
      canvas.resized();
      canvas.zoom("fit-viewport");
      status(result.warnings.length === 0 ? "" : result.warnings.length + " import warning(s): "
        + result.warnings.map(function (w) { return w.message; }).join("; "), true);
      mark();
    }).catch(function (e) {
      importing = false;
      showXml();
      status("the XML cannot be shown as a diagram: " + e.message, true);
    });
  }

  /** Writes a change still waiting to the XML at once. */
  function flush() {
    if (exportTimer === null) {
      return Promise.resolve();
    }
    clearTimeout(exportTimer);
    exportTimer = null;
    return writeBack();
  }

  function writeBack() {
    return modeler.saveXML({format: true}).then(function (result) {
      studio.setEditorText(result.xml);
    }).catch(function (e) { status("the diagram could not be written: " + e.message, true); });
  }

  modeler.on("commandStack.changed", function () {
    if (importing) {
      return;
    }
    studio.pendingChange();
    clearTimeout(exportTimer);
    exportTimer = setTimeout(function () {
      exportTimer = null;
      writeBack();
    }, EXPORT_AFTER_MS);
  });

  /**
   * The diagram's elements a problem is about: the innermost drawn one its line belongs to (the server says which),
   * else those whose ids its message quotes.
   */
  function elementsOf(problem) {
    var registry = modeler.get("elementRegistry");
    var drawn = (problem.elements || []).map(function (id) { return registry.get(id); }).find(function (element) {
      return element && element.type !== "bpmn:Process";
    });
    if (drawn) {
      return [drawn];
    }
    return registry.filter(function (element) {
      return element.type !== "label" && element.id && new RegExp("(^|[^\\w-])" + element.id.replace(/[.*+?^${}()|[\]\\]/g,
        "\\$&") + "($|[^\\w-])").test(problem.message);
    });
  }

  function mark() {
    var canvas = modeler.get("canvas");
    marked.forEach(function (id) { canvas.removeMarker(id, "problem"); });
    marked = [];
    if (!showing) {
      return;
    }
    problems.forEach(function (p) {
      elementsOf(p).forEach(function (element) {
        canvas.addMarker(element.id, "problem");
        marked.push(element.id);
      });
    });
  }

  diagramButton.addEventListener("click", function () { showDiagram(); });
  xmlButton.addEventListener("click", showXml);

  window.turnaroundModeler = {
    /** A file was opened in the editor: a process opens as its diagram. */
    opened: function (path) {
      var bpmn = /\.bpmn2?$/.test(path);
      switcher.hidden = !bpmn;
      problems = [];
      if (bpmn) {
        return showDiagram();
      }
      showXml();
      return Promise.resolve();
    },
    /** The open file's problems, after each check. */
    problems: function (list) {
      problems = list;
      mark();
    },
    /** A problem of the open process was chosen: its element is selected and shown. */
    focus: function (problem) {
      if (!showing) {
        return false;
      }
      var elements = elementsOf(problem);
      if (elements.length === 0) {
        return false;
      }
      modeler.get("selection").select(elements[0]);
      modeler.get("canvas").scrollToElement(elements[0]);
      panel.show(elements[0]);
      return true;
    },
    /** Before a save: the diagram's last change is in the XML. */
    flush: flush
  };
})();
