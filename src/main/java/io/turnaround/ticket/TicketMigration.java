package io.turnaround.ticket;

import io.turnaround.policy.PolicyActivated;
import io.turnaround.policy.PolicyAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * When an admin activates a policy version with its open tickets, every ticket whose SLA clock still runs moves to it:
 * decided again, its timers recomputed. Each ticket moves in its own transaction, so one that fails stays where it was
 * and the rest move; tickets someone already holds keep the promise they were made.
 */
@Component
class TicketMigration {

    private static final Logger log = LoggerFactory.getLogger(TicketMigration.class);
    private static final int NAMED_IN_AUDIT = 50;

    private final Tickets tickets;
    private final TicketIntake intake;
    private final PolicyAudit audit;

    TicketMigration(Tickets tickets, TicketIntake intake, PolicyAudit audit) {
        this.tickets = tickets;
        this.intake = intake;
        this.audit = audit;
    }

    @EventListener
    void on(PolicyActivated activated) {
        if (!activated.migrateOpenTickets()) {
            return;
        }
        List<String> moved = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Ticket ticket : tickets.withRunningSlaOffVersion(activated.version().number())) {
            try {
                if (intake.moveToVersion(ticket.id(), activated.version(), activated.actor())) {
                    moved.add(ticket.key() + " (v" + ticket.policyVersion() + ")");
                }
            } catch (RuntimeException e) {
                log.warn("Could not move {} to policy version {}", ticket.key(), activated.version().number(), e);
                failed.add(ticket.key() + ": " + e.getMessage());
            }
        }
        audit.record(activated.actor(), PolicyAudit.Action.MIGRATE, activated.version(), failed.isEmpty() ? "OK" : "PARTIAL",
                moved.size() + " open ticket(s) moved" + named(moved) + (failed.isEmpty() ? ""
                        : "; " + failed.size() + " could not move and keep their version" + named(failed)));
        log.info("Moved {} open ticket(s) to policy version {} ({} failed)", moved.size(), activated.version().number(),
                failed.size());
    }

    private static String named(List<String> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        return ": " + String.join(", ", keys.subList(0, Math.min(keys.size(), NAMED_IN_AUDIT)))
                + (keys.size() > NAMED_IN_AUDIT ? " and " + (keys.size() - NAMED_IN_AUDIT) + " more" : "");
    }
}
