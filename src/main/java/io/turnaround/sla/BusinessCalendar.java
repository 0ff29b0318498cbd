package io.turnaround.sla;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A working-time calendar: weekly opening windows and holidays in one IANA time zone.
 * The policy builds these (see rules/calendars.drl); this class only does the arithmetic.
 * Windows are local wall-clock times, so a daylight-saving change moves them with the clock.
 * Spans of instants can be closed on top of that ({@link #closedOn}): a client's holidays, which are days
 * in the client's own zone and so need not line up with this calendar's days.
 */
public final class BusinessCalendar implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DAYS_SEARCHED = 3 * 366;
    /** How far ahead an opening is looked for: over a year, so a year's holiday list cannot hide the next one. */
    static final int OPENING_SEARCH_DAYS = 400;

    private final ZoneId zone;
    private final boolean aroundTheClock;
    private final EnumMap<DayOfWeek, ArrayList<OpeningWindow>> week;
    private final TreeSet<LocalDate> holidays;
    /** Closed spans, start to end (exclusive), merged so none overlap or touch. Null in calendars stored before it existed. */
    private final TreeMap<Instant, Instant> closed;

    private BusinessCalendar(ZoneId zone, boolean aroundTheClock, EnumMap<DayOfWeek, ArrayList<OpeningWindow>> week,
                             TreeSet<LocalDate> holidays, TreeMap<Instant, Instant> closed) {
        this.zone = zone;
        this.aroundTheClock = aroundTheClock;
        this.week = week;
        this.holidays = holidays;
        this.closed = closed;
    }

    /** Every minute counts: the 24/7 clock. */
    public static BusinessCalendar aroundTheClock() {
        return new BusinessCalendar(ZoneOffset.UTC, true, new EnumMap<>(DayOfWeek.class), new TreeSet<>(), new TreeMap<>());
    }

    /** A calendar with no opening hours yet, in an IANA zone such as {@code America/Los_Angeles}. */
    public static BusinessCalendar in(String zoneId) {
        return in(ZoneId.of(zoneId));
    }

    /** A calendar with no opening hours yet, in the given zone. */
    public static BusinessCalendar in(ZoneId zone) {
        return new BusinessCalendar(zone, false, new EnumMap<>(DayOfWeek.class), new TreeSet<>(), new TreeMap<>());
    }

    /**
     * Adds opening hours, e.g. {@code "MON-FRI 08:00-18:00"} or
     * {@code "MON-FRI 08:00-12:00 13:00-17:00; SAT,SUN 10:00-14:00"}.
     */
    public BusinessCalendar open(String spec) {
        EnumMap<DayOfWeek, ArrayList<OpeningWindow>> copy = copyWeek();
        for (Map.Entry<DayOfWeek, List<OpeningWindow>> entry : OpeningHoursParser.parse(spec).entrySet()) {
            ArrayList<OpeningWindow> windows = copy.computeIfAbsent(entry.getKey(), d -> new ArrayList<>());
            windows.addAll(entry.getValue());
            windows.sort(null);
            OpeningWindow.requireNoOverlap(entry.getKey(), windows);
        }
        return new BusinessCalendar(zone, false, copy, holidays, closedSpans());
    }

    /** Adds holidays as ISO dates in this calendar's zone, comma separated: {@code "2026-12-25, 2027-01-01"}. */
    public BusinessCalendar holidays(String isoDates) {
        return holidays(Arrays.stream(isoDates.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(LocalDate::parse)
                .toList());
    }

    /** Adds holidays: dates in this calendar's zone. */
    public BusinessCalendar holidays(Collection<LocalDate> dates) {
        TreeSet<LocalDate> copy = new TreeSet<>(holidays);
        copy.addAll(dates);
        return new BusinessCalendar(zone, aroundTheClock, copyWeek(), copy, closedSpans());
    }

    /**
     * Closes this calendar on days that belong to another zone, e.g. a client's holidays: each date closes the span
     * from its local midnight to the next one in {@code days.zone()}, which may straddle two of this calendar's days.
     */
    public BusinessCalendar closedOn(LocalHolidays days) {
        return closedOn(days.zone(), days.dates());
    }

    /** See {@link #closedOn(LocalHolidays)}. */
    public BusinessCalendar closedOn(ZoneId datesZone, Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return this;
        }
        TreeMap<Instant, Instant> spans = closedSpans();
        for (LocalDate date : dates) {
            ClosedSpans.add(spans, date.atStartOfDay(datesZone).toInstant(), date.plusDays(1).atStartOfDay(datesZone).toInstant());
        }
        return new BusinessCalendar(zone, aroundTheClock, copyWeek(), new TreeSet<>(holidays), spans);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAroundTheClock() {
        return aroundTheClock;
    }

    public Set<LocalDate> holidays() {
        return Set.copyOf(holidays);
    }

    /** The 24/7 clock with nothing closed: the arithmetic needs no calendar. */
    private boolean countsEveryMinute() {
        return aroundTheClock && holidays.isEmpty() && (closed == null || closed.isEmpty());
    }

    /** The instant at which {@code amount} of working time has passed since {@code start}. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + amount);
        }
        if (countsEveryMinute() || amount.isZero()) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            for (Interval open : openIntervals(day)) {
                Instant from = open.start().isBefore(start) ? start : open.start();
                if (!from.isBefore(open.end())) {
                    continue;
                }
                Duration available = Duration.between(from, open.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar has no working time within " + MAX_DAYS_SEARCHED + " days of " + start);
    }

    /**
     * How {@code amount} of working time from {@code start} falls on the calendar's days: each day (in the
     * calendar's zone) that counts some of it, in order, with how much; the last day is the due day.
     */
    public SortedMap<LocalDate, Duration> workingTimeByDay(Instant start, Duration amount) {
        SortedMap<LocalDate, Duration> byDay = new TreeMap<>();
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SEARCHED && remaining.compareTo(Duration.ZERO) > 0; i++, day = day.plusDays(1)) {
            for (Interval open : openIntervals(day)) {
                Instant from = open.start().isBefore(start) ? start : open.start();
                if (remaining.compareTo(Duration.ZERO) > 0 && from.isBefore(open.end())) {
                    Duration counted = min(remaining, Duration.between(from, open.end()));
                    byDay.merge(day, counted, Duration::plus);
                    remaining = remaining.minus(counted);
                }
            }
        }
        return byDay;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The latest instant from which {@code amount} of working time passes until {@code end}: "N minutes before due". */
    public Instant subtractWorkingTime(Instant end, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + amount);
        }
        if (countsEveryMinute()) {
            return end.minus(amount);
        }
        Duration remaining = amount;
        LocalDate day = end.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.minusDays(1)) {
            List<Interval> intervals = openIntervals(day);
            for (int j = intervals.size() - 1; j >= 0; j--) {
                Interval open = intervals.get(j);
                Instant to = open.end().isAfter(end) ? end : open.end();
                if (!open.start().isBefore(to)) {
                    continue;
                }
                Duration available = Duration.between(open.start(), to);
                if (remaining.compareTo(available) <= 0) {
                    return to.minus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar has no working time within " + MAX_DAYS_SEARCHED + " days before " + end);
    }

    /** Working time that passes between two instants (zero if {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (countsEveryMinute()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Interval open : openIntervals(day)) {
                Instant a = open.start().isBefore(from) ? from : open.start();
                Instant b = open.end().isAfter(to) ? to : open.end();
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** Whether the instant falls inside working time. */
    public boolean isOpenAt(Instant instant) {
        if (countsEveryMinute()) {
            return true;
        }
        return openIntervals(instant.atZone(zone).toLocalDate()).stream()
                .anyMatch(i -> !instant.isBefore(i.start()) && instant.isBefore(i.end()));
    }

    /**
     * The first instant at or after {@code from} at which the calendar is open: {@code from} itself while open.
     * Empty if it does not open within {@value #OPENING_SEARCH_DAYS} days (no hours, or holidays all the way).
     */
    public Optional<Instant> nextOpening(Instant from) {
        if (countsEveryMinute()) {
            return Optional.of(from);
        }
        return openSpans(from).findFirst().map(open -> open.start().isBefore(from) ? from : open.start());
    }

    /**
     * The instant the calendar next closes at or after {@code from}: the end of the open time {@code from} falls in,
     * or, while closed, of the next open time. Windows that touch (a night shift over midnight) are one open time.
     * Empty if it does not close within {@value #OPENING_SEARCH_DAYS} days of {@code from} (the 24/7 clock).
     */
    public Optional<Instant> nextClosing(Instant from) {
        if (countsEveryMinute()) {
            return Optional.empty();
        }
        Instant closing = null;
        for (Iterator<Interval> spans = openSpans(from).iterator(); spans.hasNext(); ) {
            Interval open = spans.next();
            if (closing != null && open.start().isAfter(closing)) {
                break;
            }
            closing = open.end();
        }
        Instant horizon = from.atZone(zone).toLocalDate().plusDays(OPENING_SEARCH_DAYS).atStartOfDay(zone).toInstant();
        return closing == null || !closing.isBefore(horizon) ? Optional.empty() : Optional.of(closing);
    }

    /** The open intervals that end after {@code from}, in order, over the next {@value #OPENING_SEARCH_DAYS} days. */
    private Stream<Interval> openSpans(Instant from) {
        LocalDate first = from.atZone(zone).toLocalDate();
        return Stream.iterate(first, day -> day.plusDays(1)).limit(OPENING_SEARCH_DAYS)
                .flatMap(day -> openIntervals(day).stream())
                .filter(open -> open.end().isAfter(from) && open.start().isBefore(open.end()));
    }

    private List<Interval> openIntervals(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>();
        if (aroundTheClock) {
            intervals.add(new Interval(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        for (OpeningWindow window : week.getOrDefault(day.getDayOfWeek(), new ArrayList<>())) {
            // atZone moves a time in a spring-forward gap to after the gap, the natural reading of "opens at".
            Instant start = ZonedDateTime.of(day, window.opens(), zone).toInstant();
            Instant end = window.closesAtMidnight()
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(day, window.closes(), zone).toInstant();
            intervals.add(new Interval(start, end));
        }
        return ClosedSpans.remove(intervals, closed);
    }

    private TreeMap<Instant, Instant> closedSpans() {
        return closed == null ? new TreeMap<>() : new TreeMap<>(closed);
    }

    private EnumMap<DayOfWeek, ArrayList<OpeningWindow>> copyWeek() {
        EnumMap<DayOfWeek, ArrayList<OpeningWindow>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, windows) -> copy.put(day, new ArrayList<>(windows)));
        return copy;
    }

    @Override
    public String toString() {
        return (aroundTheClock ? "24x7" : zone + " " + week) + (holidays.isEmpty() ? "" : " holidays " + holidays)
                + (closed == null || closed.isEmpty() ? "" : " closed " + closed);
    }

    record Interval(Instant start, Instant end) {
    }
}
