package io.turnaround.tasklist;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code turnaround_tasks_open{group,state}}: open human tasks by candidate group and state, read from the task list
 * every {@code turnaround.metrics.gauges-refresh}. A group and state once seen stays, at 0 when its tasks are done,
 * so that a graph drops to zero rather than stopping; groups are the policy's, a bounded set.
 */
@Component
class TaskGauges {

    static final String OPEN_METRIC = "turnaround.tasks.open";
    private static final Logger log = LoggerFactory.getLogger(TaskGauges.class);

    private final TaskRows rows;
    private final MultiGauge open;
    private final Map<List<String>, Long> counts = new HashMap<>();
    private boolean failing;

    TaskGauges(TaskRows rows, MeterRegistry meters) {
        this.rows = rows;
        this.open = MultiGauge.builder(OPEN_METRIC).description("Open human tasks by candidate group and state")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${turnaround.metrics.gauges-refresh:PT10S}")
    synchronized void refresh() {
        Map<List<String>, Long> now;
        try {
            now = rows.openByGroupAndState();
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Could not count the open tasks for the metrics; the last counts stand: {}", e.toString());
            }
            failing = true;
            return;
        }
        failing = false;
        counts.replaceAll((groupAndState, tasks) -> 0L);
        counts.putAll(now);
        open.register(counts.entrySet().stream().<MultiGauge.Row<?>>map(count -> MultiGauge.Row.of(Tags.of("group",
                count.getKey().get(0).isEmpty() ? "none" : count.getKey().get(0), "state", count.getKey().get(1)),
                count.getValue())).toList(), true);
    }
}
