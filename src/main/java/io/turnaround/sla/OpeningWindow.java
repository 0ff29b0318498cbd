package io.turnaround.sla;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** One opening window of a day, in local wall-clock time; {@code closes} of 00:00 means midnight at the end of the day. */
record OpeningWindow(LocalTime opens, LocalTime closes) implements Serializable, Comparable<OpeningWindow> {

    OpeningWindow {
        if (!closesAtMidnight(closes) && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("window closes before it opens: " + opens + "-" + closes);
        }
    }

    boolean closesAtMidnight() {
        return closesAtMidnight(closes);
    }

    private static boolean closesAtMidnight(LocalTime closes) {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public int compareTo(OpeningWindow other) {
        return opens.compareTo(other.opens);
    }

    static void requireNoOverlap(DayOfWeek day, List<OpeningWindow> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            OpeningWindow previous = sorted.get(i - 1);
            if (previous.closesAtMidnight() || previous.closes().isAfter(sorted.get(i).opens())) {
                throw new IllegalArgumentException("opening windows overlap on " + day + ": " + previous + " and " + sorted.get(i));
            }
        }
    }

    @Override
    public String toString() {
        return opens + "-" + (closesAtMidnight() ? "24:00" : closes.toString());
    }
}
