package io.turnaround.ticket;

import java.time.Duration;

/** The stays at a node that ended in a period: how many, and the median time one took. */
public record NodeStays(String nodeId, int ended, Duration median) {
}
