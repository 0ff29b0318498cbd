/**
 * The only package that talks to jBPM: deployments, the ticket process, human tasks and timers. It adapts the engine
 * to the ports the rest of Turnaround speaks ({@link io.turnaround.workflow.Workflow}, {@code QuoteWorkflow}, the
 * policy's {@code PolicyDeployer}); KJAR versions and deployment ids never leave it.
 */
package io.turnaround.workflow;
