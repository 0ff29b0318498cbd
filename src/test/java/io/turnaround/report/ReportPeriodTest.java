package io.turnaround.report;

import io.turnaround.ticket.TicketCompliance.Span;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPeriodTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aMonthRunsFromItsFirstLocalMidnightToTheNextMonthsAndFollowsTheOneBefore() {
        ReportPeriod november = ReportPeriod.of("month", "2026-11-15", null, null, TODAY, PACIFIC);

        assertThat(november.whole()).isEqualTo(new Span("2026-11-01 to 2026-11-30",
                Instant.parse("2026-11-01T07:00:00Z"), Instant.parse("2026-12-01T08:00:00Z")));
        assertThat(november.previous().whole().from()).isEqualTo(Instant.parse("2026-10-01T07:00:00Z"));
        assertThat(november.previous().last()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(ReportPeriod.of(null, null, null, null, TODAY, PACIFIC).from()).as("this month by default")
                .isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void theDayTheClocksGoBackIsTwentyFiveHoursAndTheDayTheyGoForwardTwentyThree() {
        Span back = ReportPeriod.of("day", "2026-11-01", null, null, TODAY, PACIFIC).whole();
        Span forward = ReportPeriod.of("day", "2026-03-08", null, null, TODAY, PACIFIC).whole();

        assertThat(Duration.between(back.from(), back.to())).isEqualTo(Duration.ofHours(25));
        assertThat(Duration.between(forward.from(), forward.to())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void weeksStartOnMondayAndTheFirstAndLastAreCutByThePeriod() {
        ReportPeriod november = ReportPeriod.of(null, null, "2026-11-01", "2026-11-30", TODAY, PACIFIC);
        List<Span> weeks = november.cut(ReportPeriod.Unit.WEEK);

        assertThat(weeks).extracting(Span::label).containsExactly("2026-10-26", "2026-11-02", "2026-11-09",
                "2026-11-16", "2026-11-23", "2026-11-30");
        assertThat(weeks.get(0).from()).as("Sunday 1 November, not Monday 26 October")
                .isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        assertThat(weeks.get(5).to()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(november.previous().from()).as("the 30 days before").isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(ReportPeriod.of("week", "2026-11-04", null, null, TODAY, PACIFIC).previous().from())
                .isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(november.cut(ReportPeriod.Unit.MONTH)).extracting(Span::label).containsExactly("2026-11");
    }

    @Test
    void aPeriodAskedForBadlyIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ReportPeriod.of("year", null, null, null, TODAY, PACIFIC))
                .hasMessageContaining("period must be day, week or month, not year");
        assertThatThrownBy(() -> ReportPeriod.of(null, null, "2026-11-30", "2026-11-01", TODAY, PACIFIC))
                .hasMessageContaining("is before from");
        assertThatThrownBy(() -> ReportPeriod.of(null, null, "2026-11-01", null, TODAY, PACIFIC))
                .hasMessageContaining("give both from and to");
        assertThatThrownBy(() -> ReportPeriod.of(null, "30/11/2026", null, null, TODAY, PACIFIC))
                .hasMessageContaining("date must be a date such as 2026-11-30");
    }
}
