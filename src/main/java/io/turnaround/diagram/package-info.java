/**
 * Process diagrams everyone on staff can see: the active policy's processes drawn with live counts at each node
 * (tickets there now, how many breached, the time a stay takes), and each ticket's own path. It reads the policy's
 * BPMN files and the ticket package's record of where processes went; nothing depends on it.
 */
package io.turnaround.diagram;
