package io.turnaround.ticket;

import io.turnaround.workflow.TaskChanged;
import io.turnaround.workflow.TaskObserver;
import io.turnaround.workflow.WorkObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.turnaround.ticket.HistoryEvent.SLA_STOPPED;
import static io.turnaround.ticket.HistoryEvent.TASK_ASSIGNED;
import static io.turnaround.ticket.HistoryEvent.TASK_COMPLETED;
import static io.turnaround.ticket.HistoryEvent.TASK_CREATED;
import static io.turnaround.ticket.HistoryEvent.TASK_FORWARDED;
import static io.turnaround.ticket.HistoryEvent.TASK_RELEASED;

/**
 * What a ticket makes of its tasks' events: each one in the ticket's history, and the ticket's status and SLA clock
 * in step with its work task (the task for the group the policy chose). The turnaround ends when a person is assigned
 * that task; the SLA ladder ({@link SlaEscalator}) records a breach when its timer fires first. The ticket is resolved
 * when its whole work is done. Runs inside the engine's transaction.
 */
@Component
class TicketTaskEvents implements TaskObserver, WorkObserver {

    private final Tickets tickets;
    private final TicketHistory history;
    private final TicketPromises promises;
    /** Looked up when first needed: the clock reads the engine, whose task service tells this class of its tasks. */
    private final ObjectProvider<SlaClock> sla;

    TicketTaskEvents(Tickets tickets, TicketHistory history, TicketPromises promises, ObjectProvider<SlaClock> sla) {
        this.tickets = tickets;
        this.history = history;
        this.promises = promises;
        this.sla = sla;
    }

    @Override
    public void taskChanged(TaskChanged event) {
        Optional<Ticket> found = event.ticketKey() != null ? tickets.find(TicketKey.idOf(event.ticketKey()))
                : tickets.findByProcessInstance(event.processInstanceId());
        found.ifPresent(ticket -> {
            boolean workTask = event.candidateGroups().contains(ticket.candidateGroup());
            switch (event.change()) {
                case CREATED -> history.add(ticket.id(), event.at(), "workflow", TASK_CREATED,
                        TaskLines.created(event.taskName(), event.candidateGroup()));
                case CLAIMED, DELEGATED -> assigned(ticket, event, workTask);
                case FORWARDED -> history.add(ticket.id(), event.at(), "workflow", TASK_FORWARDED,
                        TaskLines.forwarded(event.taskName(), event.candidateGroup()));
                case RELEASED -> {
                    if (workTask) {
                        tickets.assign(ticket.id(), TicketStatus.OPEN, null, event.at());
                    }
                    history.add(ticket.id(), event.at(), event.assignee() == null ? "staff" : event.assignee(),
                            TASK_RELEASED, "'" + event.taskName() + "' back to " + event.candidateGroup());
                }
                case COMPLETED -> history.add(ticket.id(), event.at(), event.assignee(), TASK_COMPLETED,
                        "'" + event.taskName() + "'");
                default -> {
                }
            }
        });
    }

    /** The ticket is resolved when its whole work is done, not when its first task is: a quote's work goes on. */
    @Override
    public void workDone(long processInstanceId, Instant at) {
        tickets.findByProcessInstance(processInstanceId)
                .ifPresent(ticket -> {
                    tickets.assign(ticket.id(), TicketStatus.RESOLVED, ticket.assignee(), at);
                    promises.resolved(ticket.id(), at);
                });
    }

    private void assigned(Ticket ticket, TaskChanged event, boolean workTask) {
        history.add(ticket.id(), event.at(), event.assignee(), TASK_ASSIGNED,
                "'" + event.taskName() + "' to " + event.assignee());
        if (!workTask) {
            return;
        }
        tickets.assign(ticket.id(), TicketStatus.ASSIGNED, event.assignee(), event.at());
        String outcome = SlaClock.outcomeIfAssignedAt(ticket, event.at());
        if (tickets.stopSla(ticket.id(), event.at(), outcome)) {
            Duration ran = sla.getObject().ranOnItsClock(ticket, event.at());
            promises.stopped(ticket.id(), event.at(), outcome, event.assignee(), ran);
            history.add(ticket.id(), event.at(), event.assignee(), SLA_STOPPED, PromiseLines.stopped(event.assignee(),
                    event.at(), ticket.slaDueAt(), outcome, ran, ticket.slaClock()));
        }
    }
}
