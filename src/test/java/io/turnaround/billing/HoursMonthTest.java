package io.turnaround.billing;

import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.turnaround.policy.PolicyFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;

/** A month of logged time charged by the shipped rules, and where months begin in a client's time zone. */
class HoursMonthTest {

    @ParameterizedTest(name = "{0} logs {1}: {2} included, {3} billed, {4}, {5} left")
    @CsvSource(delimiter = '|', textBlock = """
        # tier   | entries (kind duration, in the order worked)        | included used | billable | billed  | left
        BRONZE   | TRAINING PT2H                                       | PT0S          | PT2H     | 200.00  | PT0S
        SILVER   | DEVELOPMENT PT7H                                    | PT5H          | PT2H     | 200.00  | PT0S
        SILVER   | DEVELOPMENT PT3H, TRAINING PT4H                     | PT5H          | PT2H     | 200.00  | PT0S
        SILVER   | TRAINING PT1H, DEVELOPMENT PT1H30M                  | PT2H30M       | PT0S     | 0.00    | PT2H30M
        GOLD     | DEVELOPMENT PT19H, CUSTOM_WORK PT2H, TRAINING PT15M | PT20H         | PT1H15M  | 125.00  | PT0S
        PLATINUM | CUSTOM_WORK PT50H, CUSTOM_WORK PT100H               | PT80H         | PT70H    | 5600.00 | PT0S
        PLATINUM | TRAINING PT20M, TRAINING PT20M, TRAINING PT20M      | PT1H          | PT0S     | 0.00    | PT79H
        """)
    void earlierWorkUsesTheIncludedHoursFirst(Tier tier, String entries, Duration includedUsed, Duration billable,
                                              BigDecimal billed, Duration left) {
        HoursMonth month = HoursMonth.of(1, tier, YearMonth.of(2026, 11), ZoneId.of("America/New_York"), 1,
                shippedRules().plan(tier).includedHoursPerMonth(), worked(entries), shippedRules()::price);

        assertThat(month.includedUsed()).isEqualTo(includedUsed);
        assertThat(month.billable()).isEqualTo(billable);
        assertThat(month.billed()).isEqualTo(billed);
        assertThat(month.includedLeft()).isEqualTo(left);
        assertThat(month.worked()).isEqualTo(includedUsed.plus(billable));
    }

    @Test
    void aSilverClientWhoUsedSevenHoursIsBilledTwoAtTheRate() {
        HoursMonth month = HoursMonth.of(1, Tier.SILVER, YearMonth.of(2026, 11), ZoneId.of("America/New_York"), 1,
                shippedRules().plan(Tier.SILVER).includedHoursPerMonth(), worked("DEVELOPMENT PT4H, DEVELOPMENT PT3H"),
                shippedRules()::price);

        PricedEntry second = month.entries().get(1);
        assertThat(second.included()).isEqualTo(Duration.ofHours(1));
        assertThat(second.billable()).isEqualTo(Duration.ofHours(2));
        assertThat(second.rate()).isEqualByComparingTo("100");
        assertThat(second.amount()).isEqualTo(new BigDecimal("200.00"));
    }

    @ParameterizedTest(name = "{0} in {1}: from {2} to {3}")
    @CsvSource(delimiter = '|', textBlock = """
        # month | client zone         | starts (UTC)         | ends (UTC)
        2026-11 | America/Los_Angeles | 2026-11-01T07:00:00Z | 2026-12-01T08:00:00Z
        2026-03 | America/Los_Angeles | 2026-03-01T08:00:00Z | 2026-04-01T07:00:00Z
        2026-11 | America/New_York    | 2026-11-01T04:00:00Z | 2026-12-01T05:00:00Z
        2026-10 | Europe/London       | 2026-09-30T23:00:00Z | 2026-11-01T00:00:00Z
        2026-12 | Asia/Tokyo          | 2026-11-30T15:00:00Z | 2026-12-31T15:00:00Z
        2026-01 | Pacific/Kiritimati  | 2025-12-31T10:00:00Z | 2026-01-31T10:00:00Z
        """)
    void monthsBeginAtMidnightInTheClientsZone(YearMonth month, ZoneId zone, Instant start, Instant end) {
        assertThat(HoursMonth.start(month, zone)).isEqualTo(start);
        assertThat(HoursMonth.end(month, zone)).isEqualTo(end);
    }

    @Test
    void workJustBeforeLocalMidnightBelongsToTheMonthItWasWorkedIn() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Instant lastMinuteOfNovember = Instant.parse("2026-11-30T14:59:00Z");

        assertThat(YearMonth.from(lastMinuteOfNovember.atZone(tokyo))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(lastMinuteOfNovember).isBefore(HoursMonth.end(YearMonth.of(2026, 11), tokyo));
        assertThat(lastMinuteOfNovember.plusSeconds(60)).isEqualTo(HoursMonth.start(YearMonth.of(2026, 12), tokyo));
    }

    private static List<TimeEntry> worked(String entries) {
        List<TimeEntry> worked = new ArrayList<>();
        Instant at = Instant.parse("2026-11-02T15:00:00Z");
        for (String entry : entries.split(",")) {
            String[] kindAndWork = entry.trim().split(" ");
            worked.add(new TimeEntry(worked.size() + 1, 1, null, null, null, WorkKind.valueOf(kindAndWork[0]),
                    Duration.parse(kindAndWork[1]), at.plusSeconds(3600L * worked.size()), null, "dave", at));
        }
        return worked;
    }
}
