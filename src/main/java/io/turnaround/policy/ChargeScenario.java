package io.turnaround.policy;

import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.turnaround.policy.ScenarioValues.enumOf;
import static io.turnaround.policy.ScenarioValues.names;

/**
 * The scenarios that pin down how work is charged ({@code charge:} instead of {@code ticket:}): the tier, the kind of
 * work, how long, and how much of the month's included time was used before; expected are the included and
 * billable parts, the rate and the amount.
 */
final class ChargeScenario {

    static final List<String> WORK_KEYS = List.of("tier", "kind", "work", "includedUsedBefore");
    static final List<String> FIELDS = List.of("included", "billable", "rate", "amount");

    private ChargeScenario() {
    }

    /** The work to charge. */
    record Work(Tier tier, WorkKind kind, Duration work, Duration includedUsedBefore) {
        HoursCharge charge() {
            return new HoursCharge(tier, kind, work, includedUsedBefore);
        }
    }

    /** The parts of the charge a scenario pins down; a null field is not checked. Money compares by value: 100 = 100.00. */
    record Expectation(Duration included, Duration billable, BigDecimal rate, BigDecimal amount) {

        boolean isEmpty() {
            return included == null && billable == null && rate == null && amount == null;
        }

        List<ScenarioDifference> differences(HoursCharge charge) {
            List<ScenarioDifference> differences = new ArrayList<>();
            if (included != null && !included.equals(charge.getIncluded())) {
                differences.add(new ScenarioDifference("included", included.toString(), charge.getIncluded().toString()));
            }
            if (billable != null && !billable.equals(charge.getBillable())) {
                differences.add(new ScenarioDifference("billable", billable.toString(), charge.getBillable().toString()));
            }
            addIfNotSame(differences, "rate", rate, charge.getRate());
            addIfNotSame(differences, "amount", amount, charge.amount());
            return differences;
        }

        private static void addIfNotSame(List<ScenarioDifference> differences, String field, BigDecimal expected,
                                         BigDecimal actual) {
            if (expected != null && expected.compareTo(actual) != 0) {
                differences.add(new ScenarioDifference(field, expected.toPlainString(), actual.toPlainString()));
            }
        }
    }

    /** The work of a {@code charge:} mapping; null when it has a problem (reported). */
    static Work work(MappingNode node, ScenarioProblems problems) {
        ScenarioFields fields = new ScenarioFields(node, "the charge", WORK_KEYS, problems);
        Tier tier = fields.required("tier", enumOf(Tier.class, "a tier"), "one of " + names(Tier.values()));
        WorkKind kind = fields.required("kind", enumOf(WorkKind.class, "a kind of work"), "one of " + names(WorkKind.values()));
        Duration work = fields.required("work", ScenarioValues::duration, "how long, like PT7H or PT1H30M");
        Duration usedBefore = fields.value("includedUsedBefore", ScenarioValues::duration);
        if (tier == null || kind == null || work == null) {
            return null;
        }
        return new Work(tier, kind, work, Objects.requireNonNullElse(usedBefore, Duration.ZERO));
    }

    /** What a {@code charge:} scenario expects; reported when it expects nothing. */
    static Expectation expectation(MappingNode node, String called, ScenarioProblems problems) {
        int problemsBefore = problems.count();
        ScenarioFields fields = new ScenarioFields(node, "expect", FIELDS, problems);
        Expectation expect = new Expectation(fields.value("included", ScenarioValues::duration),
                fields.value("billable", ScenarioValues::duration), fields.value("rate", ScenarioValues::money),
                fields.value("amount", ScenarioValues::money));
        if (expect.isEmpty() && problems.count() == problemsBefore) {
            problems.add(node, called + " expects nothing: give any of " + String.join(", ", FIELDS));
        }
        return expect;
    }
}
