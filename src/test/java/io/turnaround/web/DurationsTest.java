package io.turnaround.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    private final Durations durations = new Durations();

    @Test
    void aDurationReadsInTheLargestUnitsThatMatter() {
        assertThat(durations.words(Duration.ofSeconds(59))).isEqualTo("0 min");
        assertThat(durations.words(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(durations.words(Duration.ofMinutes(60))).isEqualTo("1 h");
        assertThat(durations.words(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(durations.words(Duration.ofHours(24))).isEqualTo("1 d");
        assertThat(durations.words(Duration.ofHours(76).plusMinutes(59))).isEqualTo("3 d 4 h");
        assertThat(durations.words(Duration.ofMinutes(-5))).as("a clock a little ahead").isEqualTo("0 min");
        assertThat(durations.words(null)).isEqualTo("—");
    }

    @Test
    void aTurnaroundSaysWhichClockItRunsOn() {
        assertThat(durations.turnaround(Duration.ofHours(12), "BUSINESS_HOURS"))
                .isEqualTo("12 business hours");
        assertThat(durations.turnaround(Duration.ofHours(1), "BUSINESS_HOURS"))
                .isEqualTo("1 business hour");
        assertThat(durations.turnaround(Duration.ofMinutes(90), "BUSINESS_HOURS"))
                .isEqualTo("1 business hour 30 min");
        assertThat(durations.turnaround(Duration.ofMinutes(30), "24x7")).isEqualTo("30 min around the clock");
        assertThat(durations.turnaround(Duration.ofHours(2), "24x7")).isEqualTo("2 h around the clock");
    }
}
