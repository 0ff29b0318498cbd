// The properties of the selected process element that jBPM reads: a user task's task name and group (its TaskName
// and GroupId data inputs), a custom task's work item, a business-rule task's ruleflow group, a timer's expression,
// a signal's name, a script, a flow's condition. Each change is one command on the diagram (undo takes it back).
(function () {
  "use strict";

  window.processProperties = function (modeler, panel) {
    var moddle = modeler.get("moddle");
    var modeling = (function () { try { return modeler.get("modeling"); } catch (e) { return null; } })();
    var shown = null;

    function is(bo, type) {
      return bo && bo.$instanceOf && bo.$instanceOf(type);
    }

    function definitionOf(bo, type) {
      return (bo.eventDefinitions || []).find(function (d) { return is(d, type); }) || null;
    }

    // A user task's data input given by assignment: TaskName, GroupId.
    function association(bo, inputName) {
      var spec = bo.ioSpecification;
      var input = spec && (spec.dataInputs || []).find(function (i) { return i.name === inputName; });
      if (!input) {
        return null;
      }
      var assoc = (bo.dataInputAssociations || []).find(function (a) { return a.targetRef === input; });
      return {input: input, association: assoc || null};
    }

    function inputValue(bo, inputName) {
      var found = association(bo, inputName);
      var assignment = found && found.association && (found.association.assignment || [])[0];
      return assignment && assignment.from ? assignment.from.body : "";
    }

    function expression(body) {
      return moddle.create("bpmn:FormalExpression", {body: body});
    }

    /** Sets the data input's assigned value, making the input, its set and its association where there are none. */
    function setInput(element, inputName, value) {
      var bo = element.businessObject;
      var found = association(bo, inputName);
      if (found && found.association && (found.association.assignment || [])[0]) {
        modeling.updateModdleProperties(element, found.association.assignment[0], {from: expression(value)});
        return;
      }
      var spec = bo.ioSpecification;
      if (!spec) {
        spec = moddle.create("bpmn:InputOutputSpecification", {dataInputs: [], dataOutputs: [],
          inputSets: [moddle.create("bpmn:InputSet", {dataInputRefs: []})],
          outputSets: [moddle.create("bpmn:OutputSet", {dataOutputRefs: []})]});
        modeling.updateProperties(element, {ioSpecification: spec});
      }
      var input = found ? found.input : moddle.create("bpmn:DataInput", {id: bo.id + "_" + inputName + "Input",
        name: inputName});
      if (!found) {
        modeling.updateModdleProperties(element, spec, {dataInputs: (spec.dataInputs || []).concat(input)});
        var set = spec.inputSets[0];
        modeling.updateModdleProperties(element, set, {dataInputRefs: (set.dataInputRefs || []).concat(input)});
      }
      var assoc = moddle.create("bpmn:DataInputAssociation", {targetRef: input, assignment: [
        moddle.create("bpmn:Assignment", {from: expression(value), to: expression(input.id)})]});
      modeling.updateProperties(element, {dataInputAssociations: (bo.dataInputAssociations || []).concat(assoc)});
    }

    /** Every task of the task list gets the ticket's key; a user task made here gets it with its group. */
    function passTicketKey(element) {
      var bo = element.businessObject;
      if (association(bo, "ticketKey")) {
        return;
      }
      var spec = bo.ioSpecification;
      var input = moddle.create("bpmn:DataInput", {id: bo.id + "_ticketKeyInput", name: "ticketKey"});
      modeling.updateModdleProperties(element, spec, {dataInputs: (spec.dataInputs || []).concat(input)});
      var set = spec.inputSets[0];
      modeling.updateModdleProperties(element, set, {dataInputRefs: (set.dataInputRefs || []).concat(input)});
      var key = (bo.$parent && findVariable(bo, "ticketKey")) || null;
      var assoc = moddle.create("bpmn:DataInputAssociation", {targetRef: input, sourceRef: key ? [key] : []});
      modeling.updateProperties(element, {dataInputAssociations: (bo.dataInputAssociations || []).concat(assoc)});
    }

    function findVariable(bo, name) {
      for (var scope = bo.$parent; scope; scope = scope.$parent) {
        var found = (scope.properties || []).find(function (p) { return p.name === name || p.id === name; });
        if (found) {
          return found;
        }
      }
      return null;
    }

    function timerKind(timer) {
      return ["timeDate", "timeDuration", "timeCycle"].find(function (k) { return timer[k]; }) || "timeDuration";
    }

    function signalOf(element, name) {
      var definitions = modeler.getDefinitions();
      var signal = (definitions.rootElements || []).find(function (r) { return is(r, "bpmn:Signal") && r.name === name; });
      if (!signal) {
        signal = moddle.create("bpmn:Signal", {id: "signal_" + name.replace(/[^\w-]/g, "_"), name: name});
        signal.$parent = definitions;
        modeling.updateModdleProperties(element, definitions, {rootElements: definitions.rootElements.concat(signal)});
      }
      return signal;
    }

    /** The fields of an element: label, current value, how to set it; a select when it has choices. */
    function fields(element) {
      var bo = element.businessObject;
      // Ids are the contract with the rules and the Java code (processes/README.md): a readable one, never a made-up one.
      var list = [{label: "Id", value: bo.id, set: function (v) {
        var taken = modeler.get("elementRegistry").get(v);
        if (v && !taken && /^[A-Za-z_][\w.-]*$/.test(v)) {
          modeling.updateProperties(element, {id: v});
        } else {
          render(element);
        }
      }}];
      if (element.type !== "label") {
        list.push({label: "Name", value: bo.name || "", set: function (v) { modeling.updateProperties(element, {name: v}); }});
      }
      if (is(bo, "bpmn:UserTask")) {
        list.push({label: "Task name", value: inputValue(bo, "TaskName"),
          set: function (v) { setInput(element, "TaskName", v); }});
        list.push({label: "Group", value: inputValue(bo, "GroupId"),
          set: function (v) { setInput(element, "GroupId", v); passTicketKey(element); }});
      } else if (bo.$type === "bpmn:Task") {
        list.push({label: "Work item (drools:taskName)", value: bo.get("drools:taskName") || "",
          set: function (v) { modeling.updateProperties(element, {"drools:taskName": v}); }});
      }
      if (is(bo, "bpmn:BusinessRuleTask")) {
        list.push({label: "Ruleflow group", value: bo.get("drools:ruleFlowGroup") || "",
          set: function (v) { modeling.updateProperties(element, {"drools:ruleFlowGroup": v}); }});
      }
      if (is(bo, "bpmn:ScriptTask")) {
        list.push({label: "Script format", value: bo.scriptFormat || "",
          set: function (v) { modeling.updateProperties(element, {scriptFormat: v}); }});
        list.push({label: "Script", value: bo.script || "", multiline: true,
          set: function (v) { modeling.updateProperties(element, {script: v}); }});
      }
      var timer = definitionOf(bo, "bpmn:TimerEventDefinition");
      if (timer) {
        var kind = timerKind(timer);
        list.push({label: "Timer", value: kind, choices: ["timeDate", "timeDuration", "timeCycle"],
          set: function (v) {
            var props = {timeDate: undefined, timeDuration: undefined, timeCycle: undefined};
            props[v] = expression(timer[kind] ? timer[kind].body : "");
            modeling.updateModdleProperties(element, timer, props);
          }});
        list.push({label: "Timer expression", value: timer[kind] ? timer[kind].body : "",
          set: function (v) {
            var props = {};
            props[timerKind(timer)] = expression(v);
            modeling.updateModdleProperties(element, timer, props);
          }});
      }
      var signal = definitionOf(bo, "bpmn:SignalEventDefinition");
      if (signal) {
        list.push({label: "Signal", value: signal.signalRef ? (signal.signalRef.name || signal.signalRef.id) : "",
          set: function (v) { modeling.updateModdleProperties(element, signal, {signalRef: signalOf(element, v)}); }});
      }
      if (is(bo, "bpmn:SequenceFlow") && bo.sourceRef && is(bo.sourceRef, "bpmn:Gateway")) {
        var condition = bo.conditionExpression;
        list.push({label: "Condition", value: condition ? condition.body : "", multiline: true,
          set: function (v) {
            modeling.updateProperties(element, {conditionExpression: v ? moddle.create("bpmn:FormalExpression",
              {body: v, language: condition && condition.language ? condition.language : "http://www.java.com/java"})
              : undefined});
          }});
      }
      if (is(bo, "bpmn:Gateway")) {
        (bo.outgoing || []).forEach(function (flow) {
          list.push({label: "Leaves by " + (flow.name || flow.id) + " when",
            value: flow.conditionExpression ? flow.conditionExpression.body : "(no condition)", readOnly: true});
        });
      }
      return list;
    }

    function render(element) {
      shown = element;
      panel.replaceChildren();
      if (!element) {
        var hint = document.createElement("p");
        hint.className = "muted";
        hint.textContent = "Select an element to see its properties.";
        panel.appendChild(hint);
        return;
      }
      var heading = document.createElement("h3");
      heading.textContent = element.businessObject.$type.replace("bpmn:", "");
      panel.appendChild(heading);
      fields(element).forEach(function (field) {
        var label = document.createElement("label");
        label.textContent = field.label;
        var input;
        if (field.choices) {
          input = document.createElement("select");
          field.choices.forEach(function (c) {
            var option = document.createElement("option");
            option.value = c;
            option.textContent = c;
            input.appendChild(option);
          });
        } else {
          input = document.createElement(field.multiline ? "textarea" : "input");
        }
        input.value = field.value;
        input.name = field.label;
        input.readOnly = field.readOnly || !modeling;
        input.disabled = !!field.choices && !modeling;
        if (field.set && modeling) {
          input.addEventListener("change", function () { field.set(input.value); });
        }
        label.appendChild(input);
        panel.appendChild(label);
      });
    }

    modeler.on("selection.changed", function (event) {
      render(event.newSelection.length === 1 ? event.newSelection[0] : null);
    });
    modeler.on("elements.changed", function (event) {
      if (shown && event.elements.some(function (e) { return e.id === shown.id; })) {
        render(modeler.get("elementRegistry").get(shown.id));
      }
    });
    modeler.on("import.done", function () { render(null); });
    return {show: render};
  };
})();
