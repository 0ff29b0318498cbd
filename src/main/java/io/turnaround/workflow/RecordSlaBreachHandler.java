package io.turnaround.workflow;

import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/** Runs the BPMN task {@code RecordSlaBreach} in the timer's own transaction, so the breach and the escalation commit together. */
@Component(TicketProcess.RECORD_SLA_BREACH)
class RecordSlaBreachHandler implements WorkItemHandler {

    private final SlaBreaches breaches;
    private final Clock clock;

    RecordSlaBreachHandler(SlaBreaches breaches, Clock clock) {
        this.breaches = breaches;
        this.clock = clock;
    }

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        String ticketKey = (String) workItem.getParameter(TicketProcess.TICKET_KEY);
        boolean breached = breaches.recordBreachIfUnassigned(ticketKey, clock.instant());
        manager.completeWorkItem(workItem.getId(), Map.of("breached", breached));
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        // Nothing to undo: recording happens in the completing transaction.
    }
}
