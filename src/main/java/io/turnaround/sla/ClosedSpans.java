package io.turnaround.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of a calendar's closed spans (a client's holidays): start to end (exclusive), kept in a
 * {@code TreeMap} merged so that none overlap or touch. The map stays a field of {@link BusinessCalendar}, whose
 * serialized form running processes hold; this class only works on it.
 */
final class ClosedSpans {

    private ClosedSpans() {
    }

    /** Adds the span {@code [start, end)}, merging it with any span it overlaps or touches. */
    static void add(TreeMap<Instant, Instant> spans, Instant start, Instant end) {
        Map.Entry<Instant, Instant> before = spans.floorEntry(start);
        if (before != null && !before.getValue().isBefore(start)) {
            start = before.getKey();
            end = later(end, before.getValue());
        }
        Map.Entry<Instant, Instant> next;
        while ((next = spans.ceilingEntry(start)) != null && !next.getKey().isAfter(end)) {
            end = later(end, next.getValue());
            spans.remove(next.getKey());
        }
        spans.put(start, end);
    }

    /** The parts of the intervals (in order) that no span closes; {@code spans} may be null (older calendars). */
    static List<BusinessCalendar.Interval> remove(List<BusinessCalendar.Interval> intervals, TreeMap<Instant, Instant> spans) {
        if (spans == null || spans.isEmpty()) {
            return intervals;
        }
        List<BusinessCalendar.Interval> open = new ArrayList<>();
        for (BusinessCalendar.Interval interval : intervals) {
            Instant cursor = interval.start();
            Instant first = spans.floorKey(cursor);
            for (Map.Entry<Instant, Instant> span : spans.tailMap(first == null ? cursor : first, true).entrySet()) {
                if (!span.getKey().isBefore(interval.end())) {
                    break;
                }
                if (span.getKey().isAfter(cursor)) {
                    open.add(new BusinessCalendar.Interval(cursor, span.getKey()));
                }
                cursor = later(cursor, span.getValue());
            }
            if (cursor.isBefore(interval.end())) {
                open.add(new BusinessCalendar.Interval(cursor, interval.end()));
            }
        }
        return open;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
