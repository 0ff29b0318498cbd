package io.turnaround.ticket;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures of a group counted in Java as SQL's percentile_cont would count them, worked out by hand. */
class PromiseTallyTest {

    @Test
    void mediansAndP90sAreInterpolatedBetweenTheTwoNearestValues() {
        PromiseTally.Seconds seconds = new PromiseTally.Seconds();
        for (double value : new double[] {40, 10, 30, 20}) {
            seconds.add(value);
        }
        // 10, 20, 30, 40: the median at 1.5 is 25; the p90 at 2.7 is 30 + 0.7 × 10 = 37.
        assertThat(seconds.percentile(0.5)).isEqualTo(Duration.ofSeconds(25));
        assertThat(seconds.percentile(0.9)).isEqualTo(Duration.ofSeconds(37));
        assertThat(new PromiseTally.Seconds().percentile(0.5)).isNull();
    }

    @Test
    void aGroupCountsItsStandingsTimesAndPauses() {
        PromiseTally tally = new PromiseTally(Map.of());
        tally.add(TicketCompliance.Standing.MET, 600L, 600.0, 1800.0, null, 0, false);
        tally.add(TicketCompliance.Standing.BREACHED, 18_000L, 18_000.5, null, 86_400.0, 0, false);
        tally.add(TicketCompliance.Standing.BREACHED, null, null, null, null, 0, false);
        tally.add(TicketCompliance.Standing.RUNNING, null, null, null, null, 3600, true);

        TicketCompliance.Figures figures = tally.figures();
        assertThat(figures.tickets()).isEqualTo(4);
        assertThat(figures.met()).isEqualTo(1);
        assertThat(figures.breached()).isEqualTo(2);
        assertThat(figures.running()).isEqualTo(1);
        assertThat(figures.percentMet()).isEqualTo(33.3);
        // (600 + 18,000) / 2 on the clock; (600 + 18,000.5) / 2 = 9,300.25 s in wall time, to the second.
        assertThat(figures.assignOnClockMedian()).isEqualTo(Duration.ofMinutes(155));
        assertThat(figures.assignMedian()).isEqualTo(Duration.ofSeconds(9300));
        assertThat(figures.firstResponseP90()).isEqualTo(Duration.ofMinutes(30));
        assertThat(figures.resolveMedian()).isEqualTo(Duration.ofDays(1));
        assertThat(figures.paused()).isEqualTo(Duration.ofHours(1));
        assertThat(figures.pausedTickets()).isEqualTo(1);
    }
}
