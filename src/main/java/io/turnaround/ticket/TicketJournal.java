package io.turnaround.ticket;

import org.springframework.stereotype.Service;

import java.time.Instant;

/** Writing to a ticket's history, for features outside this package (a quote sent, answered or expired). */
@Service
public class TicketJournal {

    private final TicketHistory history;

    TicketJournal(TicketHistory history) {
        this.history = history;
    }

    public void record(long ticketId, Instant at, String actor, HistoryEvent event, String detail) {
        history.add(ticketId, at, actor, event, detail);
    }
}
