package io.turnaround.diagram;

/** A process of a policy version as drawn: its BPMN file, whose diagram the viewer draws. */
public record ProcessDiagram(String processId, String name, int policyVersion, String path, String xml) {
}
