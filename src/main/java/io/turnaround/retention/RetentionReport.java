package io.turnaround.retention;

import java.time.Instant;
import java.util.List;

/**
 * What one run removed, step by step. {@code removed} counts messages, outbox rows, files or process instances;
 * {@code rows} every row deleted or emptied for it.
 */
public record RetentionReport(String node, String trigger, Instant started, Instant finished, boolean complete,
                              List<Step> steps) {

    /** One kind of data: older than {@code before} went ({@code null}: kept for ever, the step did not run). */
    public record Step(String what, Instant before, long removed, long rows, int batches) {
    }
}
