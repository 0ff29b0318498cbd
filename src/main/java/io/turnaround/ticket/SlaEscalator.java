package io.turnaround.ticket;

import io.turnaround.database.AfterCommit;
import io.turnaround.database.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.turnaround.mail.MailKind;
import io.turnaround.mail.Outbox;
import io.turnaround.mail.OutboxKeys;
import io.turnaround.sla.Escalation;
import io.turnaround.staff.StaffDirectory;
import io.turnaround.workflow.SlaEscalations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.turnaround.ticket.HistoryEvent.PRIORITY_RAISED;
import static io.turnaround.ticket.HistoryEvent.SLA_BREACHED;
import static io.turnaround.ticket.HistoryEvent.SLA_REASSIGNED;
import static io.turnaround.ticket.HistoryEvent.SLA_WARNING;

/**
 * Climbs a rung of a ticket's SLA ladder inside the timer's transaction: notifications go to the outbox, the
 * ticket and its history change, and the firing is logged with how late it ran. A firing already logged is
 * answered from the log and not repeated.
 */
@Component
class SlaEscalator implements SlaEscalations {

    /** {@code turnaround_timer_lateness_seconds}: how long after its due instant a timer's work ran. */
    static final String LATENESS_METRIC = "turnaround.timer.lateness";
    /** {@code turnaround_escalations_total{step}}: rungs climbed (not skipped), by what the rung does. */
    static final String ESCALATIONS_METRIC = "turnaround.escalations";
    /** {@code turnaround_sla_breaches_total{tier,group}}: promises broken, by tier and the group the work waited in. */
    static final String BREACHES_METRIC = "turnaround.sla.breaches";
    private static final Logger log = LoggerFactory.getLogger(SlaEscalator.class);
    private static final String ACTOR = "sla-timer";

    private final JdbcTemplate jdbc;
    private final Tickets tickets;
    private final TicketPromises promises;
    private final TicketHistory history;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final MeterRegistry meters;

    SlaEscalator(JdbcTemplate jdbc, Tickets tickets, TicketPromises promises, TicketHistory history,
                 StaffDirectory staff, Outbox outbox, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.promises = promises;
        this.history = history;
        this.staff = staff;
        this.outbox = outbox;
        this.meters = meters;
    }

    @Override
    public Climb climb(DueRung rung, Instant firedAt) {
        List<Instant> before = jdbc.query("select fired_at from sla_escalation where process_instance_id = ? and rung = ?",
                (rs, n) -> Timestamps.instant(rs, "fired_at"), rung.processInstanceId(), rung.index());
        if (!before.isEmpty()) {
            return new Climb(true, "already climbed at " + before.get(0), false, null, null, null);
        }
        Ticket ticket = tickets.byKey(rung.ticketKey());
        Climb climb = climb(ticket, rung, firedAt);
        Escalation step = rung.step();
        jdbc.update("insert into sla_escalation (ticket_id, process_instance_id, rung, moment, action, target_group, due_at,"
                        + " fired_at, outcome, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ticket.id(), rung.processInstanceId(), rung.index(), step.moment(), step.action().name(), step.group(),
                Timestamps.utc(rung.dueAt()), Timestamps.utc(firedAt), climb.done() ? "DONE" : "SKIPPED", climb.note());
        Duration lateness = Duration.between(rung.dueAt(), firedAt);
        AfterCommit.run(() -> counted(ticket, step, climb, lateness.isNegative() ? Duration.ZERO : lateness));
        return climb;
    }

    private void counted(Ticket ticket, Escalation step, Climb climb, Duration lateness) {
        Timer.builder(LATENESS_METRIC).description("How long after its due instant a timer's work ran")
                .tag("timer", "sla-" + step.action().name()).publishPercentileHistogram().register(meters)
                .record(lateness);
        if (climb.done()) {
            meters.counter(ESCALATIONS_METRIC, "step", step.action().name()).increment();
        }
        if (climb.breachGroup() != null) {
            meters.counter(BREACHES_METRIC, "tier", String.valueOf(ticket.tier()), "group",
                    ticket.candidateGroup() == null ? "none" : ticket.candidateGroup()).increment();
        }
    }

    /** The rungs of the ticket's ladders that came due, in the order they ran. */
    List<SlaStep> stepsOf(long ticketId) {
        return jdbc.query("select * from sla_escalation where ticket_id = ? order by fired_at, id", (rs, n) -> new SlaStep(
                rs.getString("moment"), rs.getString("action"), rs.getString("target_group"), Timestamps.instant(rs, "due_at"),
                Timestamps.instant(rs, "fired_at"), rs.getString("outcome"), rs.getString("detail")), ticketId);
    }

    /** How late the rungs that ran since {@code since} were. */
    SlaLateness latenessSince(Instant since) {
        return SlaLateness.of(jdbc.query("select due_at, fired_at from sla_escalation where fired_at >= ?",
                (rs, n) -> {
                    Duration late = Duration.between(Timestamps.instant(rs, "due_at"), Timestamps.instant(rs, "fired_at"));
                    return late.isNegative() ? Duration.ZERO : late;
                }, Timestamps.utc(since)));
    }

    private Climb climb(Ticket ticket, DueRung rung, Instant at) {
        if (!SlaClock.runs(ticket)) {
            return Climb.skipped(ticket.slaStoppedAt() != null ? "the SLA stopped at " + ticket.slaStoppedAt()
                    : "the SLA clock no longer runs: the ticket is " + ticket.status(), true);
        }
        Escalation step = rung.step();
        String when = step.isShareOfTurnaround()
                ? step.moment() + " of the " + ticket.slaTarget() + " turnaround (due " + ticket.slaDueAt() + ")"
                : step.moment() + " (" + ticket.slaDueAt() + ")";
        switch (step.action()) {
            case NOTIFY_ASSIGNEE -> {
                List<String> people = ticket.assignee() != null ? List.of(ticket.assignee())
                        : staff.membersOf(ticket.candidateGroup());
                return Climb.done(notify(ticket, rung, at, when, people, ticket.assignee() != null ? "the assignee"
                        : ticket.candidateGroup()));
            }
            case NOTIFY_GROUP -> {
                return Climb.done(notify(ticket, rung, at, when, staff.membersOf(step.group()), step.group()));
            }
            case NOTIFY_MANAGERS -> {
                return Climb.done(notify(ticket, rung, at, when, staff.withRole("MANAGER"), "the managers"));
            }
            case REASSIGN -> {
                tickets.moveToGroup(ticket.id(), step.group(), at);
                String note = "work moved from " + ticket.candidateGroup() + " to " + step.group() + " at " + when;
                history.add(ticket.id(), at, ACTOR, SLA_REASSIGNED, note);
                return Climb.reassigned(note, ticket.candidateGroup(), step.group());
            }
            case RAISE_PRIORITY -> {
                Priority raised = ticket.priority().raised();
                tickets.setPriority(ticket.id(), raised, at);
                String note = "priority " + ticket.priority() + " -> " + raised + " at " + when;
                history.add(ticket.id(), at, ACTOR, PRIORITY_RAISED, note);
                return Climb.done(note);
            }
            case BREACH -> {
                if (!tickets.markBreached(ticket.id(), at)) {
                    return Climb.skipped("the breach was already recorded", false);
                }
                promises.breached(ticket.id(), at);
                String note = "nobody assigned by " + ticket.slaDueAt() + "; escalated to " + step.group();
                history.add(ticket.id(), at, ACTOR, SLA_BREACHED, note);
                log.info("{} breached its SLA: {}", ticket.key(), note);
                return Climb.breached(note, step.group());
            }
            default -> throw new IllegalStateException("unknown escalation action " + step.action());
        }
    }

    /** Mails each person (once per rung, whatever retries happen) and records the warning in the history. */
    private String notify(Ticket ticket, DueRung rung, Instant at, String when, List<String> people, String audience) {
        Map<String, String> emails = staff.emailsOf(people);
        String subject = "[" + ticket.key() + "] SLA warning at " + rung.step().moment() + ": " + ticket.subject();
        String body = "Ticket " + ticket.key() + " from " + ticket.clientName() + " (" + ticket.tier() + "): "
                + ticket.subject() + "\n\nIt has reached " + when + ". "
                + (ticket.assignee() == null ? "Nobody holds it yet: " + ticket.candidateGroup() + " queue."
                : "Held by " + ticket.assignee() + ".") + "\n\nOpen it: /tickets/" + ticket.key() + "\n";
        emails.forEach((username, email) -> outbox.queue(new Outbox.Mail(MailKind.SLA_WARNING,
                OutboxKeys.slaWarning(rung.processInstanceId(), rung.index(), username), ticket.id(), null, email,
                subject, body, null), at));
        String note = people.isEmpty() ? "nobody to notify in " + audience
                : "notified " + String.join(", ", people) + " (" + audience + ")";
        if (people.isEmpty()) {
            log.warn("SLA warning for {} at {}: {}", ticket.key(), when, note);
        }
        history.add(ticket.id(), at, ACTOR, SLA_WARNING, when + ": " + note);
        return note;
    }
}
