package io.turnaround.ticket;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The figures of one group of promises, counted one promise at a time: the counts, and every time to assign, answer
 * and resolve, whose median and p90 are taken at the end as SQL's {@code percentile_cont} takes them (interpolated
 * between the two nearest values). {@link TicketCompliance} reads the promises of a period once and counts each
 * group and the total here, which is faster over a year than a sort per percentile in the database.
 */
final class PromiseTally {

    private final Map<TicketCompliance.Dimension, String> key;
    private int tickets;
    private int met;
    private int breached;
    private long pausedSeconds;
    private int pausedTickets;
    private final Seconds assignOnClock = new Seconds();
    private final Seconds assign = new Seconds();
    private final Seconds answer = new Seconds();
    private final Seconds resolve = new Seconds();

    PromiseTally(Map<TicketCompliance.Dimension, String> key) {
        this.key = key;
    }

    /**
     * One promise: how it stands, and in seconds from its clock's start (null when it has none), the time it took to
     * assign on its own clock and in wall time, to answer and to resolve; then the working time it was paused.
     */
    void add(TicketCompliance.Standing standing, Long assignedOnClock, Double assigned, Double answered,
             Double resolved, long paused, boolean wasPaused) {
        tickets++;
        met += standing == TicketCompliance.Standing.MET ? 1 : 0;
        breached += standing == TicketCompliance.Standing.BREACHED ? 1 : 0;
        assignOnClock.add(assignedOnClock == null ? null : assignedOnClock.doubleValue());
        assign.add(assigned);
        answer.add(answered);
        resolve.add(resolved);
        pausedSeconds += paused;
        pausedTickets += wasPaused ? 1 : 0;
    }

    TicketCompliance.Figures figures() {
        return new TicketCompliance.Figures(key, tickets, met, breached, assignOnClock.percentile(0.5),
                assignOnClock.percentile(0.9), assign.percentile(0.5), assign.percentile(0.9), answer.percentile(0.5),
                answer.percentile(0.9), resolve.percentile(0.5), resolve.percentile(0.9),
                Duration.ofSeconds(pausedSeconds), pausedTickets);
    }

    /** Times in seconds, kept unboxed: a year's promises are a hundred thousand of them. */
    static final class Seconds {
        private double[] values = new double[16];
        private int size;
        private boolean sorted;

        /** A value; null is none. */
        void add(Double seconds) {
            if (seconds == null) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = seconds;
            sorted = false;
        }

        /** As {@code percentile_cont(fraction)}, to the second; null when there is no value. */
        Duration percentile(double fraction) {
            if (size == 0) {
                return null;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            double at = fraction * (size - 1);
            int below = (int) Math.floor(at);
            int above = (int) Math.ceil(at);
            double value = values[below] + (at - below) * (values[above] - values[below]);
            return Duration.ofSeconds(Math.round(value));
        }
    }
}
