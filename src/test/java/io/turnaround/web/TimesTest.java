package io.turnaround.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private final Times times = new Times();

    @Test
    void anInstantReadsInTheViewersZoneWithItsAbbreviationAcrossDaylightSaving() {
        assertThat(times.at(Instant.parse("2026-12-07T18:00:00Z"), PACIFIC)).isEqualTo("Mon 7 Dec 2026, 10:00 PST");
        assertThat(times.at(Instant.parse("2026-07-06T17:00:00Z"), PACIFIC)).isEqualTo("Mon 6 Jul 2026, 10:00 PDT");
        // 2026-11-01 01:30 happens twice in Los Angeles: the abbreviation tells which.
        assertThat(times.at(Instant.parse("2026-11-01T08:30:00Z"), PACIFIC)).isEqualTo("Sun 1 Nov 2026, 01:30 PDT");
        assertThat(times.at(Instant.parse("2026-11-01T09:30:00Z"), PACIFIC)).isEqualTo("Sun 1 Nov 2026, 01:30 PST");
        assertThat(times.at(Instant.parse("2026-12-07T18:00:00Z"), null)).as("no zone known").isEqualTo("Mon 7 Dec 2026, 18:00 UTC");
        assertThat(times.at(null, PACIFIC)).isEqualTo("—");
    }

    @Test
    void theClientsTimeIsShownOnlyWhereItReadsDifferently() {
        Instant at = Instant.parse("2026-12-07T18:00:00Z");

        assertThat(times.elsewhere(at, PACIFIC, ZoneId.of("America/New_York"))).isEqualTo("Mon 7 Dec 2026, 13:00 EST");
        assertThat(times.elsewhere(at, PACIFIC, ZoneId.of("America/Los_Angeles"))).isEmpty();
        assertThat(times.elsewhere(at, PACIFIC, null)).isEmpty();
    }
}
