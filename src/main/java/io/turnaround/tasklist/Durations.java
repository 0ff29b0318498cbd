package io.turnaround.tasklist;

import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Durations in words people read at a glance, for the pages ({@code ${@durations.words(d)}}): "45 min",
 * "2 h 5 min", "3 d 4 h"; the ISO value goes in the element's title.
 */
@Component("durations")
public class Durations {

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
}
