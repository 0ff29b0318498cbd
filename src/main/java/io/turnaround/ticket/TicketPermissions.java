package io.turnaround.ticket;

import io.turnaround.staff.Staff;
import org.springframework.stereotype.Service;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may write to a ticket (notes, replies, waits, its category, triage, time), for the REST API and the pages alike.
 * Managers and admins may write to any ticket. Agents may while it is, or once was, in one of their groups' queues, or
 * when they hold or held one of its tasks; a ticket waiting for triage is in the support desk's queue. Nobody else
 * writes: INTAKE accounts create tickets, analysts read them. Membership is what it is for tasks (the task list's
 * {@code TaskActions.mayAct}): the groups a person is in now, and managers see every queue. Reading stays open to staff.
 * <p>
 * A ticket's queues and the people who held its tasks come from its history, which records every task offered to a
 * group (created, or moved by the SLA ladder), every hand-over to a person (claimed, or assigned by a colleague or a
 * manager) and every triage, across re-decisions. The engine cannot tell: it forgets a task's earlier groups when the
 * ladder moves it, its earlier holder when it is released, and a re-decided ticket's earlier process altogether.
 */
@Service
public class TicketPermissions {

    /** Tickets from unknown senders have no decision, hence no route: the support desk triages them. */
    static final String TRIAGE_GROUP = "support-desk";
    private static final Set<HistoryEvent> EVENTS = EnumSet.of(HistoryEvent.TASK_CREATED, HistoryEvent.TASK_FORWARDED,
            HistoryEvent.TASK_ASSIGNED, HistoryEvent.TASK_COMPLETED, HistoryEvent.TRIAGED);

    private final Tickets tickets;
    private final TicketHistory history;
    private final SlaEscalator escalations;

    TicketPermissions(Tickets tickets, TicketHistory history, SlaEscalator escalations) {
        this.tickets = tickets;
        this.history = history;
        this.escalations = escalations;
    }

    /** The ticket with this key if this person may write to it; otherwise a {@link TicketWriteRefusedException}. */
    public Ticket requireWrite(String key, Staff staff) {
        Ticket ticket = tickets.byKey(key);
        requireWrite(ticket, staff);
        return ticket;
    }

    public void requireWrite(Ticket ticket, Staff staff) {
        Optional<String> refusal = refusal(ticket, staff);
        if (refusal.isPresent()) {
            throw new TicketWriteRefusedException(refusal.get());
        }
    }

    public boolean mayWrite(Ticket ticket, Staff staff) {
        return refusal(ticket, staff).isEmpty();
    }

    /** Managers and admins write to every ticket, and may withdraw time anyone logged on it. */
    public boolean writesToAny(Staff staff) {
        return staff.seesAllQueues();
    }

    /** Who works the triage queue: agents of the support desk, managers and admins. */
    public boolean triages(Staff staff) {
        return writesToAny(staff) || staff.roles().contains("AGENT") && staff.groups().contains(TRIAGE_GROUP);
    }

    /** Why this person may not write to the ticket; empty when they may. */
    public Optional<String> refusal(Ticket ticket, Staff staff) {
        if (writesToAny(staff)) {
            return Optional.empty();
        }
        if (!staff.roles().contains("AGENT")) {
            return Optional.of("ticket " + ticket.key() + ": your role (" + String.join(", ", new TreeSet<>(staff.roles()))
                    + ") writes to no ticket; agents of its queue, managers and admins do");
        }
        Reach reach = reachOf(ticket);
        if (reach.holders().contains(staff.username()) || reach.queues().stream().anyMatch(staff.groups()::contains)) {
            return Optional.empty();
        }
        return Optional.of(reason(ticket, reach));
    }

    /** Every queue the ticket has been in, the present one first, and everyone who held one of its tasks. */
    private record Reach(Set<String> queues, Set<String> holders) {
    }

    private Reach reachOf(Ticket ticket) {
        Set<String> queues = new LinkedHashSet<>();
        Set<String> holders = new HashSet<>();
        presentQueue(ticket).ifPresent(queues::add);
        if (ticket.assignee() != null) {
            holders.add(ticket.assignee());
        }
        for (HistoryEntry line : history.of(ticket.id(), EVENTS)) {
            switch (HistoryEvent.valueOf(line.event())) {
                case TASK_ASSIGNED, TASK_COMPLETED -> holders.add(line.actor());
                case TRIAGED -> queues.add(TRIAGE_GROUP);
                default -> TaskLines.group(line).ifPresent(queues::add);
            }
        }
        // The ladder moves the ticket itself too, even when it has no open task to carry along.
        escalations.stepsOf(ticket.id()).stream()
                .filter(step -> "REASSIGN".equals(step.action()) && "DONE".equals(step.outcome()) && step.group() != null)
                .forEach(step -> queues.add(step.group()));
        return new Reach(queues, holders);
    }

    private static Optional<String> presentQueue(Ticket ticket) {
        return Optional.ofNullable(ticket.status() == TicketStatus.TRIAGE ? TRIAGE_GROUP : ticket.candidateGroup());
    }

    /** E.g. "ticket TCK-000007 is in the hosting-liaison queue; you are not in that group and hold none of its tasks". */
    private static String reason(Ticket ticket, Reach reach) {
        String present = presentQueue(ticket).orElse("no");
        Set<String> earlier = new LinkedHashSet<>(reach.queues());
        earlier.remove(present);
        if (ticket.status() == TicketStatus.TRIAGE) {
            return "ticket " + ticket.key() + " waits for triage in the " + present + " queue; you are not in that group";
        }
        String groups = earlier.isEmpty() ? "; you are not in that group"
                : " (before: " + String.join(", ", earlier) + "); you are in none of those groups";
        return "ticket " + ticket.key() + " is in the " + present + " queue" + groups
                + " and hold none of its tasks, nor held one";
    }
}
