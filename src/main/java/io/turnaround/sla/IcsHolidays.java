package io.turnaround.sla;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Date;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.DateTime;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.RRule;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads holidays from an iCalendar (.ics) file: every all-day event is a holiday on each day it covers.
 * Recurring events (RRULE, RDATE, EXDATE) are expanded from January 1 of the year before {@code today}
 * through December 31 five years after it; events that happen once are kept whatever their year.
 * An event with a time of day is refused rather than skipped, so nothing in the file is silently ignored.
 */
public final class IcsHolidays {

    public static final int YEARS_BEFORE = 1;
    public static final int YEARS_AFTER = 5;
    static final int MAX_DATES = 10_000;

    private static final DateTimeFormatter ICAL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** One holiday: a date and the event's summary. */
    public record Holiday(LocalDate date, String name) {
    }

    private IcsHolidays() {
    }

    /** The holidays in the file, by date (one per date, the first event's name); throws naming the file and line. */
    public static List<Holiday> parse(String file, String text, LocalDate today) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new CalendarFileException(List.of(new CalendarProblem(file, e.getLineNo(), reason(e))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new CalendarFileException(List.of(new CalendarProblem(file, 0, "not a readable iCalendar file: " + e.getMessage())));
        }
        List<Integer> eventLines = linesStarting(text, "BEGIN:VEVENT");
        Window window = new Window(LocalDate.of(today.getYear() - YEARS_BEFORE, 1, 1),
                LocalDate.of(today.getYear() + YEARS_AFTER, 12, 31));
        TreeMap<LocalDate, String> holidays = new TreeMap<>();
        List<CalendarProblem> problems = new ArrayList<>();
        int index = 0;
        for (CalendarComponent component : calendar.getComponents()) {
            if (!(component instanceof VEvent event)) {
                continue;
            }
            int line = index < eventLines.size() ? eventLines.get(index) : 0;
            index++;
            try {
                String name = event.getSummary() == null ? "holiday" : event.getSummary().getValue().strip();
                for (LocalDate date : daysOf(event, window)) {
                    holidays.putIfAbsent(date, name);
                }
                if (holidays.size() > MAX_DATES) {
                    problems.add(new CalendarProblem(file, line, "more than " + MAX_DATES + " holiday dates; is this a holiday calendar?"));
                    break;
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(new CalendarProblem(file, line, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new CalendarFileException(problems);
        }
        List<Holiday> result = new ArrayList<>();
        holidays.forEach((date, name) -> result.add(new Holiday(date, name)));
        return result;
    }

    private record Window(LocalDate first, LocalDate last) {
    }

    private static Set<LocalDate> daysOf(VEvent event, Window window) {
        if (event.getStartDate() == null || event.getStartDate().getDate() == null) {
            throw new IllegalArgumentException("the event has no DTSTART");
        }
        Date start = event.getStartDate().getDate();
        String summary = event.getSummary() == null ? "the event" : "'" + event.getSummary().getValue().strip() + "'";
        if (start instanceof DateTime) {
            throw new IllegalArgumentException(summary + " has a time of day (DTSTART:" + start
                    + "); only all-day events (DTSTART;VALUE=DATE:20261225) are holidays");
        }
        LocalDate first = localDate(start);
        long length = lengthInDays(event, first, summary);
        TreeSet<LocalDate> starts = new TreeSet<>();
        RRule rule = event.getProperties().getProperty(Property.RRULE);
        if (rule == null) {
            starts.add(first);
        } else {
            DateList dates = rule.getRecur().getDates(start, ical(window.first()), ical(window.last().plusDays(1)), Value.DATE);
            dates.forEach(d -> starts.add(localDate(d)));
        }
        for (DateListProperty rdate : event.getProperties().<DateListProperty>getProperties(Property.RDATE)) {
            rdate.getDates().forEach(d -> {
                LocalDate date = localDate(d);
                if (!date.isBefore(window.first()) && !date.isAfter(window.last())) {
                    starts.add(date);
                }
            });
        }
        for (DateListProperty exdate : event.getProperties().<DateListProperty>getProperties(Property.EXDATE)) {
            exdate.getDates().forEach(d -> starts.remove(localDate(d)));
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate s : starts) {
            for (long i = 0; i < length; i++) {
                days.add(s.plusDays(i));
            }
        }
        return days;
    }

    /** DTEND is exclusive; an all-day event without DTEND or DURATION lasts one day. */
    private static long lengthInDays(VEvent event, LocalDate first, String summary) {
        long days = 1;
        if (event.getEndDate() != null && event.getEndDate().getDate() != null) {
            days = ChronoUnit.DAYS.between(first, localDate(event.getEndDate().getDate()));
        } else if (event.getDuration() != null) {
            days = Period.parse(event.getDuration().getValue()).getDays();
        }
        if (days < 1) {
            throw new IllegalArgumentException(summary + " ends before it starts");
        }
        if (days > 366) {
            throw new IllegalArgumentException(summary + " lasts " + days + " days; a holiday lasts at most a year");
        }
        return days;
    }

    private static LocalDate localDate(Date date) {
        // ical4j prints a DATE as yyyyMMdd in the zone it parsed it in: no shift through the JVM's zone.
        String text = date.toString();
        return LocalDate.parse(text.length() > 8 ? text.substring(0, 8) : text, ICAL_DATE);
    }

    private static Date ical(LocalDate date) {
        try {
            return new Date(date.format(ICAL_DATE));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(ParserException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage().replaceFirst("^Error at line \\d+:\\s*", "");
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + " (" + cause.getMessage() + ")";
        }
        return "not a valid iCalendar file: " + message;
    }

    private static List<Integer> linesStarting(String text, String prefix) {
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < all.length; i++) {
            if (all[i].strip().equalsIgnoreCase(prefix)) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
