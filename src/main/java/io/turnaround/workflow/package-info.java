/** The only package that talks to jBPM: deployments, the ticket process, human tasks and timers. */
package io.turnaround.workflow;
