package io.turnaround.web;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Instants as people read them, in the viewer's zone with its abbreviation, for the pages
 * ({@code ${@times.at(instant, viewerZone)}}): "Mon 7 Dec 2026, 10:00 PST". The pages keep the ISO instant in the
 * element's datetime and title.
 */
@Component("times")
public class Times {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

    /** The IANA region zones, by name, for the forms that ask for one (e.g. America/Los_Angeles). */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/"))
            .sorted().toList();

    public List<String> zones() {
        return ZONES;
    }

    public String at(Instant instant, ZoneId zone) {
        return instant == null ? "—" : AT.format(instant.atZone(zone == null ? UTC : zone));
    }

    /** The instant in another zone, e.g. the client's, when it reads differently there; empty when it does not. */
    public String elsewhere(Instant instant, ZoneId viewer, ZoneId other) {
        if (instant == null || other == null) {
            return "";
        }
        String there = at(instant, other);
        return there.equals(at(instant, viewer)) ? "" : there;
    }
}
