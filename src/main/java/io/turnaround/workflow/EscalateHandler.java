package io.turnaround.workflow;

import io.turnaround.sla.SlaLadder;
import io.turnaround.tracing.Trace;
import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the BPMN task {@code Escalate} in the timer's own transaction: the ladder's due rungs are climbed, their
 * outcomes written onto the ladder (a process variable, changed in place) and a breach group handed to the process.
 */
@Component(TicketProcess.ESCALATE)
class EscalateHandler implements WorkItemHandler {

    private final SlaEscalations escalations;
    private final TaskReassignment reassignment;
    private final TaskIdentities identities;
    private final TimerFailures failures;
    private final Clock clock;

    EscalateHandler(SlaEscalations escalations, TaskReassignment reassignment, TaskIdentities identities,
                    TimerFailures failures, Clock clock) {
        this.escalations = escalations;
        this.reassignment = reassignment;
        this.identities = identities;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        String ticketKey = (String) workItem.getParameter(TicketProcess.TICKET_KEY);
        try (Trace.Scope ignored = Trace.begin(Trace.newId("timer"))) {
            Trace.ticket(ticketKey);
            climb(ticketKey, workItem, manager);
        }
    }

    private void climb(String ticketKey, WorkItem workItem, WorkItemManager manager) {
        SlaLadder ladder = (SlaLadder) workItem.getParameter(TicketProcess.LADDER);
        Instant now = clock.instant();
        String breachGroup = null;
        // Every rung due by now is climbed in this firing: rungs sharing a moment, or overdue after downtime.
        do {
            SlaLadder.Rung rung = ladder.next();
            SlaEscalations.Climb climb = escalations.climb(new SlaEscalations.DueRung(ticketKey,
                    workItem.getProcessInstanceId(), rung.index(), rung.step(), rung.at()), now);
            if (climb.reassignTo() != null) {
                identities.storeGroup(climb.reassignTo());
                reassignment.moveOpenWork(workItem.getProcessInstanceId(), climb.reassignFrom(), climb.reassignTo());
            }
            ladder.settle(rung, climb.done() ? SlaLadder.RungState.DONE : SlaLadder.RungState.SKIPPED);
            if (climb.slaStopped()) {
                ladder.stop();
            }
            if (breachGroup == null) {
                breachGroup = climb.breachGroup();
            }
        } while (ladder.hasNext() && !ladder.next().at().isAfter(now));
        if (breachGroup != null) {
            identities.storeGroup(breachGroup);
        }
        failures.clear(workItem.getProcessInstanceId());
        Map<String, Object> results = new HashMap<>();
        results.put(TicketProcess.BREACH_GROUP, breachGroup);
        manager.completeWorkItem(workItem.getId(), results);
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        // Nothing to undo: the rung's work commits with the completing transaction or not at all.
    }
}
