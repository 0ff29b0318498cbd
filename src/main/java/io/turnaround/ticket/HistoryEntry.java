package io.turnaround.ticket;

import java.time.Instant;

/** One line of a ticket's append-only history. */
public record HistoryEntry(Instant at, String actor, String event, String detail) {

    public boolean is(HistoryEvent kind) {
        return kind.name().equals(event);
    }
}
