package io.turnaround.ticket;

import io.turnaround.policy.facts.WaitingOn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import static io.turnaround.ticket.HistoryEvent.WAITING;
import static io.turnaround.ticket.HistoryEvent.WAITING_ENDED;

/**
 * Tickets waiting on someone. The policy decided, with the ticket, which waits pause its SLA clock (see
 * rules/sla.drl): such a wait stops the clock and its escalation ladder; when the wait ends the due instant and the
 * ladder move later by the working time that passed. Both changes are recorded in the history.
 */
@Service
public class TicketWaits {

    private final Tickets tickets;
    private final TicketHistory history;
    private final SlaClock sla;
    private final Clock clock;

    TicketWaits(Tickets tickets, TicketHistory history, SlaClock sla, Clock clock) {
        this.tickets = tickets;
        this.history = history;
        this.sla = sla;
        this.clock = clock;
    }

    @Transactional
    public Ticket waitOn(String key, WaitingOn on, String actor) {
        Ticket ticket = tickets.byKey(key);
        Instant now = clock.instant();
        if (!tickets.startWaiting(ticket.id(), on, now)) {
            throw new TicketConflictException(key + " is " + ticket.status() + "; only open or assigned tickets can wait");
        }
        boolean running = SlaClock.runs(ticket);
        boolean pauses = running && ticket.pausesWhileWaitingOn().contains(on);
        if (pauses) {
            sla.pause(ticket, now);
        }
        history.add(ticket.id(), now, actor, WAITING, "on " + label(on) + (pauses ? PromiseLines.PAUSED
                : running ? "; the SLA clock runs on (the policy does not pause for this wait)" : ""));
        return tickets.find(ticket.id()).orElseThrow();
    }

    @Transactional
    public Ticket stopWaiting(String key, String actor) {
        Ticket ticket = tickets.byKey(key);
        Instant now = clock.instant();
        if (!tickets.stopWaiting(ticket.id(), now)) {
            throw new TicketConflictException(key + " is " + ticket.status() + ", not waiting");
        }
        String detail = "waited on " + label(ticket.waitingOn()) + sla.resume(ticket, now)
                .map(resumed -> "; the SLA clock runs again after " + resumed.paused() + " of paused " + ticket.slaClock()
                        + " time, due " + resumed.dueAt()).orElse("");
        history.add(ticket.id(), now, actor, WAITING_ENDED, detail);
        return tickets.find(ticket.id()).orElseThrow();
    }

    private static String label(WaitingOn on) {
        return on == null ? "nobody" : on.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
