package io.turnaround.ticket;

import java.time.Instant;

/** An open ticket waiting at a node of its process, since when, and how its SLA stands. */
public record TicketAtNode(String key, String subject, String tier, String candidateGroup, String assignee,
                           Instant since, Instant slaDueAt, boolean breached) {
}
