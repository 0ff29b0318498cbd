// jBPM's "drools" extension of BPMN for bpmn-js (a moddle descriptor): every drools: attribute and element the
// policy's processes use, typed, so that the modeler reads and writes them as they are and the properties panel can
// edit them. README, "The studio".
window.droolsModdle = {
  name: "Drools",
  prefix: "drools",
  uri: "http://www.jboss.org/drools",
  xml: {tagAlias: "lowerCase"},
  associations: [],
  types: [
    {name: "DroolsProcess", extends: ["bpmn:Process"], properties: [
      {name: "packageName", isAttr: true, type: "String"},
      {name: "version", isAttr: true, type: "String"},
      {name: "adHoc", isAttr: true, type: "String"}
    ]},
    {name: "DroolsTask", extends: ["bpmn:Task"], properties: [
      {name: "taskName", isAttr: true, type: "String"}
    ]},
    {name: "DroolsBusinessRuleTask", extends: ["bpmn:BusinessRuleTask"], properties: [
      {name: "ruleFlowGroup", isAttr: true, type: "String"}
    ]},
    {name: "DroolsCallActivity", extends: ["bpmn:CallActivity"], properties: [
      {name: "waitForCompletion", isAttr: true, type: "String"},
      {name: "independent", isAttr: true, type: "String"}
    ]},
    {name: "DroolsBoundaryEvent", extends: ["bpmn:BoundaryEvent"], properties: [
      {name: "boundaryca", isAttr: true, type: "String"}
    ]},
    {name: "MetaData", superClass: ["Element"], properties: [
      {name: "name", isAttr: true, type: "String"},
      {name: "metaValue", type: "String"}
    ]},
    {name: "OnEntry-script", superClass: ["Element"], properties: [
      {name: "scriptFormat", isAttr: true, type: "String"},
      {name: "script", type: "String"}
    ]},
    {name: "OnExit-script", superClass: ["Element"], properties: [
      {name: "scriptFormat", isAttr: true, type: "String"},
      {name: "script", type: "String"}
    ]}
  ]
};
