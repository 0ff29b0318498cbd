/** The support policy: compiling and versioning the DRL/BPMN bundle, and asking the rules for decisions. */
package io.turnaround.policy;
