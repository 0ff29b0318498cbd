package io.turnaround.web;

import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Durations in words people read at a glance, for the pages ({@code ${@durations.words(d)}}): "45 min",
 * "2 h 5 min", "3 d 4 h", and turnarounds on their clock: "12 business hours", "30 min around the clock". The
 * pages put the ISO value in the element's title.
 */
@Component("durations")
public class Durations {

    /** The stored clock of a turnaround that runs day and night (the other is BUSINESS_HOURS). */
    static final String AROUND_THE_CLOCK = "24x7";

    public String words(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** A turnaround on its clock: business hours count only on the calendar's working time. */
    public String turnaround(Duration target, String clock) {
        if (target == null) {
            return "—";
        }
        if (clock == null || clock.equals(AROUND_THE_CLOCK)) {
            return words(target) + " around the clock";
        }
        long hours = target.toHours();
        int minutes = target.toMinutesPart();
        String whole = hours == 1 ? "1 business hour" : hours + " business hours";
        return hours == 0 ? minutes + " business minutes" : minutes == 0 ? whole : whole + " " + minutes + " min";
    }
}
