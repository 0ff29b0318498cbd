package io.turnaround.tasklist;

import java.time.Instant;

/** One task in the task list, joined with its ticket: what staff need to pick the next job. */
public record TaskRow(long id, String name, String candidateGroup, String assignee, String state, String ticketKey,
                      String client, String tier, String category, String route, Instant slaDueAt, Instant createdAt) {
}
