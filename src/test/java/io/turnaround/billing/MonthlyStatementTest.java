package io.turnaround.billing;

import io.turnaround.billing.MonthlyStatement.KindLine;
import io.turnaround.billing.MonthlyStatement.Licensing;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import static io.turnaround.billing.BillingFixtures.client;
import static io.turnaround.billing.BillingFixtures.statement;
import static io.turnaround.billing.BillingFixtures.worked;
import static io.turnaround.policy.PolicyFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client's monthly statement on the shipped policy, read as a table: plan price, licensing, hours, total. */
class MonthlyStatementTest {

    @ParameterizedTest(name = "{0}, fee {1}, logs {2}: {3} + licensing {4} + {6} for hours = {7}")
    @CsvSource(delimiter = '|', textBlock = """
        # tier   | licensing fee | entries (in the order worked)                        | plan    | licensing  | included used | hours   | total
        BRONZE   |               |                                                      | 1000.00 | INCLUDED   | PT0S          | 0.00    | 1000.00
        BRONZE   | 250.00        | TRAINING PT2H                                        | 1000.00 | INCLUDED   | PT0S          | 200.00  | 1200.00
        SILVER   | 400.00        | DEVELOPMENT PT7H                                     | 2500.00 | BILLED     | PT5H          | 200.00  | 3100.00
        SILVER   | 400           | DEVELOPMENT PT3H, TRAINING PT1H                      | 2500.00 | BILLED     | PT4H          | 0.00    | 2900.00
        SILVER   |               | DEVELOPMENT PT7H                                     | 2500.00 | NOT_AGREED | PT5H          | 200.00  | 2700.00
        SILVER   | 0.00          | DEVELOPMENT PT5H, TRAINING PT20M, TRAINING PT20M, TRAINING PT20M | 2500.00 | BILLED | PT5H | 99.99 | 2599.99
        GOLD     | 750.00        | DEVELOPMENT PT19H, CUSTOM_WORK PT2H, TRAINING PT15M  | 3500.00 | BILLED     | PT20H         | 125.00  | 4375.00
        PLATINUM | 1200.00       | CUSTOM_WORK PT24H, CUSTOM_WORK PT24H, CUSTOM_WORK PT24H, TRAINING PT10H | 5000.00 | BILLED | PT80H | 160.00 | 6360.00
        PLATINUM | 1200.00       | TRAINING PT20H                                       | 5000.00 | BILLED     | PT20H         | 0.00    | 6200.00
        """)
    void theStatementAddsThePlanLicensingAndTheHoursBeyondTheIncludedOnes(
            Tier tier, BigDecimal fee, String entries, BigDecimal plan, Licensing licensing, Duration includedUsed,
            BigDecimal hours, BigDecimal total) {
        MonthlyStatement s = statement(client(tier, fee), worked(entries));

        assertThat(s.subscription()).isEqualTo(plan);
        assertThat(s.licensing()).isEqualTo(licensing);
        assertThat(s.licensingFee()).isEqualTo(licensing == Licensing.BILLED ? fee.setScale(2) : null);
        assertThat(s.includedUsed()).isEqualTo(includedUsed);
        assertThat(s.includedPerMonth()).isEqualTo(Duration.ofHours(shippedRules().plan(tier).includedHoursPerMonth()));
        assertThat(s.hoursAmount()).isEqualTo(hours);
        assertThat(s.total()).isEqualTo(total);
        assertThat(s.warnings()).hasSize(licensing == Licensing.NOT_AGREED ? 1 : 0);
        assertThat(s.currency()).isEqualTo("USD");
        assertThat(s.hours().stream().map(KindLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the kind lines add up to the hours amount").isEqualByComparingTo(hours);
    }

    @Test
    void aSilverClientWithSevenHoursPaysTwoExtraHoursAtOneHundred() {
        MonthlyStatement s = statement(client(Tier.SILVER, new BigDecimal("400.00")), worked("DEVELOPMENT PT7H"));

        assertThat(s.hours()).containsExactly(new KindLine(WorkKind.DEVELOPMENT, new BigDecimal("100.00"),
                Duration.ofHours(7), Duration.ofHours(5), Duration.ofHours(2), new BigDecimal("200.00")));
        assertThat(s.includedLeft()).isZero();
        assertThat(s.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(s.total()).isEqualTo(new BigDecimal("3100.00"));
    }

    @Test
    void eachKindOfWorkIsALineAndTheEntriesKeepTheirOwnSplit() {
        MonthlyStatement s = statement(client(Tier.SILVER, new BigDecimal("400.00")),
                worked("TRAINING PT3H, DEVELOPMENT PT1H, TRAINING PT2H, CUSTOM_WORK PT1H30M"));

        assertThat(s.hours()).extracting(KindLine::kind)
                .containsExactly(WorkKind.TRAINING, WorkKind.DEVELOPMENT, WorkKind.CUSTOM_WORK);
        KindLine training = s.hours().get(0);
        assertThat(training.worked()).isEqualTo(Duration.ofHours(5));
        assertThat(training.included()).isEqualTo(Duration.ofHours(4));
        assertThat(training.amount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(s.hours().get(2).amount()).isEqualTo(new BigDecimal("150.00"));
        assertThat(s.entries()).extracting(PricedEntry::amount).containsExactly(new BigDecimal("0.00"),
                new BigDecimal("0.00"), new BigDecimal("100.00"), new BigDecimal("150.00"));
        assertThat(s.worked()).isEqualTo(Duration.ofMinutes(450));
        assertThat(s.billable()).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void aLicensingFeeNobodyAgreedIsLeftOutOfTheTotalWithAWarning() {
        MonthlyStatement s = statement(client(Tier.GOLD, null, "Goldcrest Live"), List.of());

        assertThat(s.licensing()).isEqualTo(Licensing.NOT_AGREED);
        assertThat(s.total()).isEqualTo(new BigDecimal("3500.00"));
        assertThat(s.warnings()).singleElement().asString().contains("Goldcrest Live").contains("left out of the total");
    }

    @Test
    void hoursOfAnotherClientOrPlanDoNotMakeAStatement() {
        HoursMonth silverHours = HoursMonth.of(7, Tier.SILVER, BillingFixtures.NOVEMBER, BillingFixtures.NEW_YORK, 1, 5,
                List.of(), shippedRules()::price);

        assertThatThrownBy(() -> MonthlyStatement.of(shippedRules().plan(Tier.GOLD), client(Tier.GOLD, null), silverHours))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
