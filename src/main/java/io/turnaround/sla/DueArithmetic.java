package io.turnaround.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * A turnaround's due-date arithmetic in one line, in the calendar's zone, for people to check: "12 business hours
 * from Fri 20 Nov 17:00 PST: Fri 1 h, Mon 10 h, Tue 1 h → Tue 24 Nov 09:00 PST", or "2 h around the clock from Wed
 * 18 Nov 10:00 PST → Wed 18 Nov 12:00 PST".
 */
public final class DueArithmetic {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_AND_DATE = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);

    private DueArithmetic() {
    }

    /**
     * The line for {@code target} of working time on {@code calendar} from {@code start}; when the decision's
     * {@code due} is not where the calendar puts the end, the line says so.
     */
    public static String of(BusinessCalendar calendar, Instant start, Duration target, Instant due) {
        Instant end = calendar.addWorkingTime(start, target);
        SortedMap<LocalDate, Duration> byDay = calendar.workingTimeByDay(start, target);
        boolean plain = calendar.isAroundTheClock() && end.equals(start.plus(target));
        StringBuilder line = new StringBuilder(plain ? span(target) + " around the clock" : workingTime(target))
                .append(" from ").append(moment(calendar, start));
        if (!plain && !byDay.isEmpty()) {
            DateTimeFormatter day = byDay.firstKey().plusDays(6).isBefore(byDay.lastKey()) ? WEEKDAY_AND_DATE : WEEKDAY;
            line.append(": ").append(byDay.entrySet().stream().map(d -> day.format(d.getKey()) + " " + span(d.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        line.append(" → ").append(moment(calendar, end));
        if (due != null && !due.equals(end)) {
            line.append("; the rules set the due instant to ").append(moment(calendar, due));
        }
        return line.toString();
    }

    private static String moment(BusinessCalendar calendar, Instant instant) {
        // A zone given as the offset Z is shown by its name.
        ZoneId zone = calendar.zone().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : calendar.zone();
        return MOMENT.format(instant.atZone(zone));
    }

    /** "12 business hours", "1 business hour", "1 h 30 min of business time". */
    private static String workingTime(Duration amount) {
        if (amount.toMinutesPart() == 0 && amount.toSecondsPart() == 0) {
            long hours = amount.toHours();
            return hours + (hours == 1 ? " business hour" : " business hours");
        }
        return span(amount) + " of business time";
    }

    /** "10 h", "30 min", "1 h 30 min". */
    static String span(Duration amount) {
        long hours = amount.toHours();
        int minutes = amount.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return hours + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
