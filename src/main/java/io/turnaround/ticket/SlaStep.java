package io.turnaround.ticket;

import java.time.Instant;

/** A rung of a ticket's SLA ladder that came due: when it was due, when it ran, and what it did. */
public record SlaStep(String moment, String action, String group, Instant dueAt, Instant firedAt, String outcome,
                      String detail) {
}
