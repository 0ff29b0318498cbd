package io.turnaround.ticket;

import io.turnaround.policy.facts.Decision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;

import static io.turnaround.database.Timestamps.utc;

/**
 * The table {@code ticket_promise}: every promise a ticket was made, one per SLA clock, kept in the transaction of
 * each event that changes it. A ticket's current promise is the one with no {@code next_clock_from}. The reports
 * read it ({@link TicketCompliance}); {@link PromiseRebuild} writes it anew from the history.
 */
@Repository
class TicketPromises {

    private static final String CURRENT = " where ticket_id = ? and next_clock_from is null";

    private final JdbcTemplate jdbc;

    TicketPromises(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A policy decided the ticket on a clock that started at {@code clockFrom}. On a new clock (the ticket's first
     * decision, or one after the customer reopened it) this is a new promise and the one before it ends; on the same
     * clock (a re-decision) it replaces the promise's decision, and the clock runs again for nobody yet assigned.
     */
    void decided(long ticketId, Instant clockFrom, boolean sameClock, int policyVersion, Decision decision, Instant dueAt) {
        // The same clock's promise is missing only for a ticket decided before promises were kept (and not rebuilt).
        if (sameClock && jdbc.update("update ticket_promise set tier = ?, category = ?, route = ?, candidate_group = ?,"
                            + " policy_version = ?, sla_target = ?, sla_clock = ?, due_at = ?, outcome = null,"
                            + " breached_at = null, stopped_at = null, assignee = null,"
                            + " assign_clock_seconds = null, resolved_at = null" + CURRENT,
                    decision.getPlan().tier().name(), decision.getCategory().name(), decision.getRoute().name(),
                    decision.getCandidateGroup(), policyVersion, decision.getSlaTarget().toString(),
                    decision.getSlaClock().label(), utc(dueAt), ticketId) == 1) {
            return;
        }
        jdbc.update("update ticket_promise set next_clock_from = ?" + CURRENT, utc(clockFrom), ticketId);
        // A staff reply while the ticket waited for triage answered the customer on this clock.
        jdbc.update("insert into ticket_promise (ticket_id, clock_from, client_id, tier, category, route, candidate_group,"
                        + " policy_version, sla_target, sla_clock, due_at, first_response_at)"
                        + " select t.id, ?, t.client_id, ?, ?, ?, ?, ?, ?, ?, ?, (select min(m.created_at) from ticket_message m"
                        + " where m.ticket_id = t.id and m.kind = 'REPLY' and m.created_at >= ?) from ticket t where t.id = ?",
                utc(clockFrom), decision.getPlan().tier().name(), decision.getCategory().name(),
                decision.getRoute().name(), decision.getCandidateGroup(), policyVersion,
                decision.getSlaTarget().toString(), decision.getSlaClock().label(), utc(dueAt), utc(clockFrom), ticketId);
    }

    void paused(long ticketId, Instant at) {
        jdbc.update("update ticket_promise set paused_at = ?, paused = true" + CURRENT, utc(at), ticketId);
    }

    void resumed(long ticketId, Instant dueAt, Duration paused) {
        jdbc.update("update ticket_promise set paused_at = null, due_at = ?, paused_seconds = paused_seconds + ?"
                + CURRENT, utc(dueAt), paused.toSeconds(), ticketId);
    }

    /**
     * A person was assigned the work: the clock stops once. {@code onClock} is the time it ran on its own clock,
     * pauses left out; a breach recorded before stays the outcome.
     */
    void stopped(long ticketId, Instant at, String outcome, String assignee, Duration onClock) {
        jdbc.update("update ticket_promise set stopped_at = ?, outcome = coalesce(outcome, ?), assignee = ?,"
                        + " assign_clock_seconds = ?" + CURRENT + " and stopped_at is null",
                utc(at), outcome, assignee, onClock.toSeconds(), ticketId);
    }

    void breached(long ticketId, Instant at) {
        jdbc.update("update ticket_promise set outcome = 'BREACHED', breached_at = ?" + CURRENT + " and outcome is null",
                utc(at), ticketId);
    }

    /** Staff answered the customer; only the first answer on the clock counts. */
    void answered(long ticketId, Instant at) {
        jdbc.update("update ticket_promise set first_response_at = ?" + CURRENT + " and first_response_at is null",
                utc(at), ticketId);
    }

    /**
     * The ticket's work is done. A promise nobody was assigned before is kept if the work was done by its due instant
     * (while paused, by the pause's start).
     */
    void resolved(long ticketId, Instant at) {
        jdbc.update("update ticket_promise set resolved_at = ?, outcome = coalesce(outcome,"
                        + " case when coalesce(paused_at, ?) > due_at then 'BREACHED' else 'MET' end)" + CURRENT,
                utc(at), utc(at), ticketId);
    }
}
