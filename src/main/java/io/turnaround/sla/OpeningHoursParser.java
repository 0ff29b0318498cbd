package io.turnaround.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads opening hours written as {@code "MON-FRI 08:00-18:00; SAT,SUN 10:00-14:00"}. */
final class OpeningHoursParser {

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

    private OpeningHoursParser() {
    }

    static Map<DayOfWeek, List<OpeningWindow>> parse(String spec) {
        Map<DayOfWeek, List<OpeningWindow>> week = new EnumMap<>(DayOfWeek.class);
        for (String part : spec.split(";")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] tokens = trimmed.split("\\s+");
            if (tokens.length < 2) {
                throw new IllegalArgumentException("expected days and hours, like 'MON-FRI 08:00-18:00', in: " + trimmed);
            }
            List<DayOfWeek> days = days(tokens[0]);
            for (int i = 1; i < tokens.length; i++) {
                OpeningWindow window = window(tokens[i]);
                days.forEach(day -> week.computeIfAbsent(day, d -> new ArrayList<>()).add(window));
            }
        }
        return week;
    }

    private static List<DayOfWeek> days(String token) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String item : token.split(",")) {
            String[] range = item.split("-");
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length > 1 ? day(range[1]) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        String upper = abbreviation.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(upper) && upper.length() >= 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + abbreviation + "' (use MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    private static OpeningWindow window(String token) {
        Matcher m = WINDOW.matcher(token);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected hours like 08:00-18:00, got '" + token + "'");
        }
        LocalTime opens = time(m.group(1), m.group(2));
        LocalTime closes = "24".equals(m.group(3)) && "00".equals(m.group(4)) ? LocalTime.MIDNIGHT : time(m.group(3), m.group(4));
        return new OpeningWindow(opens, closes);
    }

    private static LocalTime time(String hours, String minutes) {
        return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes));
    }
}
