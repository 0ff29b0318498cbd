package io.turnaround.workflow;

import io.turnaround.tracing.Trace;
import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/** Runs the BPMN task {@code ExpireQuote} in the expiry timer's transaction; its output {@code outcome} is EXPIRED. */
@Component(QuoteProcess.EXPIRE)
class ExpireQuoteHandler implements WorkItemHandler {

    static final String EXPIRED = "EXPIRED";

    private final QuoteSteps steps;
    private final TimerFailures failures;
    private final Clock clock;

    ExpireQuoteHandler(QuoteSteps steps, TimerFailures failures, Clock clock) {
        this.steps = steps;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        // A timer's work: its log lines share an id of their own.
        try (Trace.Scope ignored = Trace.begin(Trace.newId("timer"))) {
            steps.expire(((Number) workItem.getParameter(QuoteProcess.QUOTE_ID)).longValue(), clock.instant());
            failures.clear(workItem.getProcessInstanceId());
            manager.completeWorkItem(workItem.getId(), Map.of(QuoteProcess.OUTCOME, EXPIRED));
        }
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        // Nothing to undo: the expiry commits with the timer's transaction or not at all.
    }
}
