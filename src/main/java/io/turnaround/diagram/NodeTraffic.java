package io.turnaround.diagram;

import java.time.Duration;

/**
 * A node of a process as the live diagram shows it: the open tickets there now, how many of them are breached, and
 * how many stays there ended in the period with the median time one took (null if none did).
 */
public record NodeTraffic(String nodeId, int open, int breached, Duration medianStay, int staysEnded) {
}
