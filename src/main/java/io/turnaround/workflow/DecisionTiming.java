package io.turnaround.workflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jbpm.workflow.instance.node.RuleSetNodeInstance;
import org.kie.api.event.process.DefaultProcessEventListener;
import org.kie.api.event.process.ProcessNodeLeftEvent;
import org.kie.api.event.process.ProcessNodeTriggeredEvent;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Times the policy's decision: a business-rule task from its start to the moment it is left, which is when its
 * ruleflow group has fired ({@code turnaround_policy_decision_seconds}; registered by jBPM's Spring factory). The
 * rules run on the thread that starts the process, so the start is kept per thread.
 */
@Component
class DecisionTiming extends DefaultProcessEventListener {

    static final String DECISION_METRIC = "turnaround.policy.decision";

    private final ThreadLocal<Long> startedAt = new ThreadLocal<>();
    private final Timer decisions;

    DecisionTiming(MeterRegistry meters) {
        this.decisions = Timer.builder(DECISION_METRIC).description("How long the policy's rules took to decide a ticket")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public void beforeNodeTriggered(ProcessNodeTriggeredEvent event) {
        if (event.getNodeInstance() instanceof RuleSetNodeInstance) {
            startedAt.set(System.nanoTime());
        }
    }

    // Before, not after: leaving the task runs on into the nodes after it, which are no part of the decision.
    @Override
    public void beforeNodeLeft(ProcessNodeLeftEvent event) {
        Long started = startedAt.get();
        if (started != null && event.getNodeInstance() instanceof RuleSetNodeInstance) {
            startedAt.remove();
            decisions.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
