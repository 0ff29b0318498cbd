package io.turnaround.ticket;

import java.time.Duration;
import java.util.List;

/** How late the SLA ladder's rungs ran (due instant to firing) over a period: count, median, 99th percentile, worst. */
public record SlaLateness(int count, Duration p50, Duration p99, Duration max) {

    /** Nearest-rank percentiles of the latenesses given. */
    static SlaLateness of(List<Duration> latenesses) {
        if (latenesses.isEmpty()) {
            return new SlaLateness(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        List<Duration> sorted = latenesses.stream().sorted().toList();
        return new SlaLateness(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, double share) {
        int index = (int) Math.ceil(share * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
