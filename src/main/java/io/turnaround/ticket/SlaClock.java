package io.turnaround.ticket;

import io.turnaround.workflow.SlaResumed;
import io.turnaround.workflow.Workflow;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A ticket's SLA clock. It lives in two places: the ticket's row (what people and reports read) and the escalation
 * ladder of its process (what the timers climb). A pause and a resumption change both, so they go through here, in
 * the caller's transaction; so does the one rule of whether the clock still runs, and how it stops. The stop itself
 * and a breach are written to the row only ({@link Tickets#stopSla}, {@link Tickets#markBreached}): the ladder reads
 * them there.
 */
@Component
class SlaClock {

    /** {@link #runs} in SQL, for a query over tickets aliased {@code t}. */
    static final String RUNS_SQL = "t.process_instance_id is not null and t.sla_stopped_at is null"
            + " and t.status in ('OPEN', 'WAITING')";

    private final Tickets tickets;
    private final TicketPromises promises;
    private final Workflow workflow;

    SlaClock(Tickets tickets, TicketPromises promises, Workflow workflow) {
        this.tickets = tickets;
        this.promises = promises;
        this.workflow = workflow;
    }

    /**
     * Whether the ticket's clock still runs: the policy decided it, and nobody has been assigned its work since (nor
     * was it resolved without). A paused clock still runs, the promise standing as it was when the pause began.
     */
    static boolean runs(Ticket ticket) {
        return ticket.processInstanceId() != null && ticket.slaStoppedAt() == null
                && (ticket.status() == TicketStatus.OPEN || ticket.status() == TicketStatus.WAITING);
    }

    /** Pauses the clock and its ladder; false, changing nothing, if it was already paused or the ladder has stopped. */
    boolean pause(Ticket ticket, Instant at) {
        if (!workflow.pauseSla(ticket.policyVersion(), ticket.processInstanceId(), at)) {
            return false;
        }
        tickets.slaPaused(ticket.id(), at);
        promises.paused(ticket.id(), at);
        return true;
    }

    /** Runs a paused clock again: the due instant and the ladder move later by the working time that passed. */
    Optional<SlaResumed> resume(Ticket ticket, Instant at) {
        if (ticket.slaPausedAt() == null) {
            return Optional.empty();
        }
        SlaResumed resumed = workflow.resumeSla(ticket.policyVersion(), ticket.processInstanceId(), at);
        tickets.slaResumed(ticket.id(), resumed.dueAt(), resumed.paused(), at);
        promises.resumed(ticket.id(), resumed.dueAt(), resumed.paused());
        return Optional.of(resumed);
    }

    /**
     * How the clock stops when a person is assigned the ticket's work at {@code at}: met if that came before the due
     * instant; for a paused clock, the promise stands as it was when the pause began. Only the ticket's row records the
     * stop ({@link Tickets#stopSla}): the ladder sees it there, and skips its rungs.
     */
    static String outcomeIfAssignedAt(Ticket ticket, Instant at) {
        return clockAt(ticket, at).isAfter(ticket.slaDueAt()) ? "BREACHED" : "MET";
    }

    /**
     * How long the clock has run at {@code at} on its own calendar (business hours or 24x7), the time it spent paused
     * left out: the promised turnaround less the working time still to run before the due instant, or more the
     * working time since. Read while the ticket's process runs: the calendar is its ladder's.
     */
    Duration ranOnItsClock(Ticket ticket, Instant at) {
        Instant clockAt = clockAt(ticket, at);
        Instant due = ticket.slaDueAt();
        return clockAt.isAfter(due)
                ? ticket.slaTarget().plus(workflow.slaWorkingTime(ticket.policyVersion(), ticket.processInstanceId(), due, clockAt))
                : ticket.slaTarget().minus(workflow.slaWorkingTime(ticket.policyVersion(), ticket.processInstanceId(), clockAt, due));
    }

    /** Where the clock stands at {@code at}: a paused clock stands where its pause began. */
    private static Instant clockAt(Ticket ticket, Instant at) {
        return ticket.slaPausedAt() != null ? ticket.slaPausedAt() : at;
    }
}
