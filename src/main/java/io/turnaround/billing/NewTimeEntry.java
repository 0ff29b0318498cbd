package io.turnaround.billing;

import io.turnaround.policy.facts.WorkKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Time to log: for a client, maybe on a ticket, a task or a quote; in whole minutes, at most a day per entry. */
public record NewTimeEntry(long clientId, Long ticketId, Long taskId, Long quoteId, WorkKind kind, Duration work,
                           Instant workedAt, String note) {

    public static final Duration MOST_PER_ENTRY = Duration.ofDays(1);

    public NewTimeEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workedAt, "workedAt");
        Objects.requireNonNull(work, "work");
        if (work.toMinutes() < 1 || work.compareTo(MOST_PER_ENTRY) > 0 || work.toSecondsPart() != 0) {
            throw new IllegalArgumentException("work must be whole minutes, from 1 minute to 24 hours: " + work);
        }
    }
}
