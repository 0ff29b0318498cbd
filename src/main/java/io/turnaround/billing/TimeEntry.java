package io.turnaround.billing;

import io.turnaround.policy.facts.WorkKind;

import java.time.Duration;
import java.time.Instant;

/** Time logged for a client, as stored; {@code workedAt} decides its month, in the client's time zone. */
public record TimeEntry(long id, long clientId, Long ticketId, Long taskId, Long quoteId, WorkKind kind, Duration work,
                        Instant workedAt, String note, String loggedBy, Instant loggedAt) {
}
