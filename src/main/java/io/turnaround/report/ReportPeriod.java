package io.turnaround.report;

import io.turnaround.ticket.TicketCompliance.Span;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reporting period: whole days in the reporting zone, from the first day to the day before {@code to}, and the
 * period of the same kind just before it. A day, week (Monday to Sunday) or month holding a date, or any run of days.
 * Days are taken at their local midnights, so a day in which the clocks change is 23 or 25 hours long.
 */
record ReportPeriod(String kind, LocalDate from, LocalDate to, ZoneId zone) {

    /** How finely a period can be cut: each span a day, a week or a month. */
    enum Unit {
        DAY, WEEK, MONTH;

        LocalDate start(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> date.withDayOfMonth(1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }

        String label(LocalDate start) {
            return this == MONTH ? start.toString().substring(0, 7) : start.toString();
        }

        static Unit of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The period asked for: {@code from} and {@code to} (both days included) if given, else the {@code period} (day,
     * week or month; month if none) that holds {@code date} (today if none).
     */
    static ReportPeriod of(String period, String date, String from, String to, LocalDate today, ZoneId zone) {
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new BadReportException("give both from and to (dates, both included), or neither");
            }
            LocalDate first = date(from, "from");
            LocalDate last = date(to, "to");
            if (last.isBefore(first)) {
                throw new BadReportException("to (" + to + ") is before from (" + from + ")");
            }
            if (ChronoUnit.DAYS.between(first, last) > 3 * 366) {
                throw new BadReportException("a period is at most three years long");
            }
            return new ReportPeriod("days", first, last.plusDays(1), zone);
        }
        Unit unit;
        try {
            unit = period == null ? Unit.MONTH : Unit.of(period);
        } catch (IllegalArgumentException e) {
            throw new BadReportException("period must be day, week or month, not " + period);
        }
        LocalDate start = unit.start(date == null ? today : date(date, "date"));
        return new ReportPeriod(unit.name().toLowerCase(Locale.ROOT), start, unit.next(start), zone);
    }

    /** The period of the same kind and length just before this one. */
    ReportPeriod previous() {
        return switch (kind) {
            case "month" -> new ReportPeriod(kind, from.minusMonths(1), from, zone);
            case "week" -> new ReportPeriod(kind, from.minusWeeks(1), from, zone);
            default -> new ReportPeriod(kind, from.minusDays(ChronoUnit.DAYS.between(from, to)), from, zone);
        };
    }

    /** The last day included. */
    LocalDate last() {
        return to.minusDays(1);
    }

    /** The whole period as one span. */
    Span whole() {
        return new Span(from + " to " + last(), from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
    }

    /** The period cut into days, weeks or months; the first and last may be cut short by the period's ends. */
    List<Span> cut(Unit unit) {
        List<Span> spans = new ArrayList<>();
        for (LocalDate start = unit.start(from); start.isBefore(to); start = unit.next(start)) {
            LocalDate a = start.isBefore(from) ? from : start;
            LocalDate b = unit.next(start).isAfter(to) ? to : unit.next(start);
            spans.add(new Span(unit.label(start), a.atStartOfDay(zone).toInstant(), b.atStartOfDay(zone).toInstant()));
        }
        return spans;
    }

    private static LocalDate date(String text, String name) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadReportException(name + " must be a date such as 2026-11-30, not " + text);
        }
    }
}
