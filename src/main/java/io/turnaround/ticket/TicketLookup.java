package io.turnaround.ticket;

import io.turnaround.policy.Explanation;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading tickets and their history, for features outside this package (the staff pages). */
@Service
public class TicketLookup {

    private final Tickets tickets;
    private final TicketHistory history;
    private final SlaEscalator escalations;
    private final TicketExplanations explanations;

    TicketLookup(Tickets tickets, TicketHistory history, SlaEscalator escalations, TicketExplanations explanations) {
        this.tickets = tickets;
        this.history = history;
        this.escalations = escalations;
        this.explanations = explanations;
    }

    /** The ticket with this key; an unknown or malformed key is a {@link TicketNotFoundException}. */
    public Ticket find(String key) {
        return tickets.byKey(key);
    }

    public List<HistoryEntry> history(long ticketId) {
        return history.of(ticketId);
    }

    /** Why the ticket's running decision came out as it did; empty for one decided before decisions explained. */
    public Optional<Explanation> explanation(long ticketId) {
        return explanations.of(ticketId);
    }

    /** The ticket whose process this is, if any. */
    public Optional<Ticket> byProcessInstance(long processInstanceId) {
        return tickets.findByProcessInstance(processInstanceId);
    }

    /** The latest tickets a policy decided, newest first: what an impact preview replays. */
    /** Open possible emergencies nobody has looked at yet, the longest waiting first. */
    public List<Ticket> possibleEmergenciesToLookAt(int limit) {
        return tickets.possibleEmergenciesToLookAt(limit);
    }

    public List<Ticket> latestDecided(int limit) {
        return tickets.latestDecided(limit);
    }

    /** How late the SLA ladder's rungs ran since then, across all tickets. */
    public SlaLateness slaLatenessSince(Instant since) {
        return escalations.latenessSince(since);
    }

    /** The SLA ladder's rungs that came due for this ticket. */
    public List<SlaStep> slaSteps(long ticketId) {
        return escalations.stepsOf(ticketId);
    }
}
