package io.turnaround.workflow;

import java.time.Duration;
import java.time.Instant;

/** A resumed SLA clock: the working time it spent paused this time, and the due instant it now has. */
public record SlaResumed(Duration paused, Instant dueAt) {
}
