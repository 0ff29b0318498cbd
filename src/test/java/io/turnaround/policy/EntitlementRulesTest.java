package io.turnaround.policy;

import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;

import static io.turnaround.policy.PolicyFixtures.shippedBundleWith;
import static io.turnaround.policy.PolicyFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;

/** How the shipped rules charge logged time and quoted hours, read as a table: everything here comes from the DRL. */
class EntitlementRulesTest {

    @ParameterizedTest(name = "{0} {1} {2} after {3} used -> {4} included, {5} billed at {6} = {7}")
    @CsvSource(delimiter = '|', textBlock = """
        # tier   | kind        | work    | included used before | included | billable | rate   | amount
        BRONZE   | TRAINING    | PT3H    | PT0S                 | PT0S     | PT3H     | 100.00 | 300.00
        SILVER   | DEVELOPMENT | PT7H    | PT0S                 | PT5H     | PT2H     | 100.00 | 200.00
        SILVER   | DEVELOPMENT | PT2H    | PT4H                 | PT1H     | PT1H     | 100.00 | 100.00
        SILVER   | TRAINING    | PT1H    | PT5H                 | PT0S     | PT1H     | 100.00 | 100.00
        SILVER   | TRAINING    | PT20M   | PT5H                 | PT0S     | PT20M    | 100.00 | 33.33
        GOLD     | DEVELOPMENT | PT19H   | PT0S                 | PT19H    | PT0S     | 100.00 | 0.00
        GOLD     | CUSTOM_WORK | PT2H30M | PT19H                | PT1H     | PT1H30M  | 100.00 | 150.00
        PLATINUM | CUSTOM_WORK | PT100H  | PT50H                | PT30H    | PT70H    | 80.00  | 5600.00
        PLATINUM | TRAINING    | PT80H   | PT0S                 | PT80H    | PT0S     | 80.00  | 0.00
        PLATINUM | DEVELOPMENT | PT10M   | PT90H                | PT0S     | PT10M    | 80.00  | 13.33
        """)
    void includedHoursAreUsedFirstThenThePlansRate(Tier tier, WorkKind kind, Duration work, Duration usedBefore,
                                                   Duration included, Duration billable, BigDecimal rate,
                                                   BigDecimal amount) {
        HoursCharge charge = shippedRules().price(new HoursCharge(tier, kind, work, usedBefore));

        assertThat(charge.getIncluded()).isEqualTo(included);
        assertThat(charge.getBillable()).isEqualTo(billable);
        assertThat(charge.getRate()).isEqualByComparingTo(rate);
        assertThat(charge.amount()).isEqualTo(amount);
    }

    @ParameterizedTest(name = "{0}: {1}/month, licensing included {2}, {3} h included, {4}/h, chat {5}")
    @CsvSource(delimiter = '|', textBlock = """
        # tier   | price   | licensing included | hours | rate   | chat
        BRONZE   | 1000.00 | true               | 0     | 100.00 | false
        SILVER   | 2500.00 | false              | 5     | 100.00 | false
        GOLD     | 3500.00 | false              | 20    | 100.00 | true
        PLATINUM | 5000.00 | false              | 80    | 80.00  | true
        """)
    void everyTierHasItsPlan(Tier tier, BigDecimal price, boolean licensingIncluded, int hours, BigDecimal rate,
                             boolean chat) {
        Plan plan = shippedRules().plan(tier);

        assertThat(plan.monthlyPrice()).isEqualTo(price);
        assertThat(plan.licensingIncluded()).isEqualTo(licensingIncluded);
        assertThat(plan.includedHoursPerMonth()).isEqualTo(hours);
        assertThat(plan.hourlyRate()).isEqualTo(rate);
        assertThat(plan.offersChat()).isEqualTo(chat);
    }

    @Test
    void anAnalystCanBillCustomWorkWithoutTouchingTheIncludedHours() {
        PolicyBundle bundle = shippedBundleWith("rules/entitlements.drl", drl -> drl + """

                rule "Custom work is always billed"
                    ruleflow-group "hours-pricing"
                    salience 10
                when
                    $p : Plan()
                    $c : HoursCharge(priced == false, kind == WorkKind.CUSTOM_WORK)
                then
                    modify($c) { billAllAt($p.hourlyRate()) }
                end
                """);
        PolicyRules rules = PolicyRules.load(PolicyCompiler.compile(bundle, "0.0.2-test"), bundle.calendars());

        HoursCharge custom = rules.price(new HoursCharge(Tier.GOLD, WorkKind.CUSTOM_WORK, Duration.ofHours(3), Duration.ZERO));
        HoursCharge training = rules.price(new HoursCharge(Tier.GOLD, WorkKind.TRAINING, Duration.ofHours(3), Duration.ZERO));

        assertThat(custom.getIncluded()).isZero();
        assertThat(custom.amount()).isEqualTo(new BigDecimal("300.00"));
        assertThat(training.getIncluded()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aPolicyThatPricesNothingIsAGapTheChecksReport() {
        PolicyBundle bundle = shippedBundleWith("rules/entitlements.drl",
                drl -> drl.replace("HoursCharge(priced == false)", "HoursCharge(priced == false, kind != WorkKind.TRAINING)"));
        PolicyRules rules = PolicyRules.load(PolicyCompiler.compile(bundle, "0.0.3-test"), bundle.calendars());

        assertThat(PolicyChecks.unpricedWork(rules)).hasSize(4)
                .allSatisfy(p -> assertThat(p.message()).contains("TRAINING").contains("no rule of the ruleflow group hours-pricing"));
    }
}
