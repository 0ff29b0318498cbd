package io.turnaround.workflow;

import org.kie.api.event.process.DefaultProcessEventListener;
import org.kie.api.event.process.ProcessNodeLeftEvent;
import org.kie.api.runtime.process.ProcessInstance;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** Tells every {@link WorkObserver} when a ticket process leaves its work subprocess (registered by jBPM's Spring factory). */
@Component
class WorkDoneBridge extends DefaultProcessEventListener {

    private final List<WorkObserver> observers;
    private final Clock clock;

    WorkDoneBridge(List<WorkObserver> observers, Clock clock) {
        this.observers = observers;
        this.clock = clock;
    }

    // Before, not after: leaving the subprocess runs on to the process's end, and after it the instance is completed.
    @Override
    public void beforeNodeLeft(ProcessNodeLeftEvent event) {
        // Aborting a process (a ticket re-decided) also leaves the subprocess: that is no work done.
        if (event.getProcessInstance().getState() == ProcessInstance.STATE_ACTIVE
                && TicketProcess.PROCESS_ID.equals(event.getProcessInstance().getProcessId())
                && TicketProcess.WORK.equals(event.getNodeInstance().getNode().getMetaData().get("UniqueId"))) {
            long processInstanceId = event.getProcessInstance().getId();
            observers.forEach(observer -> observer.workDone(processInstanceId, clock.instant()));
        }
    }
}
