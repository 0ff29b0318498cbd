package io.turnaround.ticket;

import org.springframework.stereotype.Service;

import java.util.List;

/** Reading tickets and their history, for features outside this package (the staff pages). */
@Service
public class TicketLookup {

    private final Tickets tickets;
    private final TicketHistory history;
    private final SlaEscalator escalations;

    TicketLookup(Tickets tickets, TicketHistory history, SlaEscalator escalations) {
        this.tickets = tickets;
        this.history = history;
        this.escalations = escalations;
    }

    /** The ticket with this key; an unknown or malformed key is a {@link TicketNotFoundException}. */
    public Ticket find(String key) {
        return tickets.byKey(key);
    }

    public List<HistoryEntry> history(long ticketId) {
        return history.of(ticketId);
    }

    /** The SLA ladder's rungs that came due for this ticket. */
    public List<SlaStep> slaSteps(long ticketId) {
        return escalations.stepsOf(ticketId);
    }
}
