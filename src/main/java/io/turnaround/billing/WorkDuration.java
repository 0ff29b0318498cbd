package io.turnaround.billing;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How staff write a time span: ISO-8601 ({@code PT1H30M}), hours and minutes ({@code 1:30}) or minutes ({@code 90}). */
public final class WorkDuration {

    private static final Pattern HOURS_MINUTES = Pattern.compile("(\\d{1,3}):([0-5]\\d)");
    private static final Pattern MINUTES = Pattern.compile("\\d{1,5}");

    private WorkDuration() {
    }

    /** The duration written, or an {@link InvalidHoursRequestException} naming {@code field}. */
    public static Duration parse(String field, String text) {
        String t = text == null ? "" : text.strip();
        Matcher hm = HOURS_MINUTES.matcher(t);
        if (hm.matches()) {
            return Duration.ofHours(Long.parseLong(hm.group(1))).plusMinutes(Long.parseLong(hm.group(2)));
        }
        if (MINUTES.matcher(t).matches()) {
            return Duration.ofMinutes(Long.parseLong(t));
        }
        if (t.length() > 1 && t.length() < 40 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException | ArithmeticException e) {
                // falls through to the message below
            }
        }
        throw new InvalidHoursRequestException(field, "'" + abbreviated(t) + "' is not a duration: write PT1H30M, 1:30 or 90 (minutes)");
    }

    /** {@code 7:05} for seven hours and five minutes. */
    public static String hoursMinutes(Duration d) {
        return d.toHours() + ":" + String.format("%02d", d.toMinutesPart());
    }

    private static String abbreviated(String t) {
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
