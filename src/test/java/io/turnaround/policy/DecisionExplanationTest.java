package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.MatchedWords;
import io.turnaround.policy.facts.RuleFired;
import io.turnaround.policy.facts.Tier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.turnaround.policy.PolicyFixtures.facts;
import static io.turnaround.policy.PolicyFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;

/** A decision of the shipped policy says which rules made it, what each set, and the words they matched. */
class DecisionExplanationTest {

    private static final Instant WEDNESDAY_10_AM_PACIFIC = Instant.parse("2026-11-18T18:00:00Z");

    @Test
    void anEmergencyNamesItsRuleAndTheSymptomAndScopeItMatched() {
        Decision decision = shippedRules().decide(facts(Tier.GOLD, Hosting.PARTNER, "Help!",
                "Since noon none of our members can get to the WEBSITE: it keeps timing out.", WEDNESDAY_10_AM_PACIFIC));

        RuleFired category = step(decision, "Emergency: an outage symptom that reaches everyone");
        assertThat(category.decided()).contains("category EMERGENCY");
        assertThat(category.matched()).containsExactly(new MatchedWords("timing out", "body"),
                new MatchedWords("website", "body"));
        assertThat(decision.getCategoryRule()).isEqualTo("Emergency: an outage symptom that reaches everyone");
        assertThat(decision.getExplanation()).as("every part set is explained by the rule that set it")
                .flatMap(RuleFired::decided)
                .anyMatch(d -> d.startsWith("plan GOLD")).anyMatch(d -> d.startsWith("route HOSTING_PARTNER"))
                .anyMatch(d -> d.startsWith("slaTarget PT1H")).anyMatch(d -> d.startsWith("slaDueAt 2026-11-18T19:00:00Z"));
    }

    @Test
    void aRuleWhoseConditionsReadNoTextMatchesNoWords() {
        Decision decision = shippedRules().decide(facts(Tier.BRONZE, Hosting.SELF, "Invoice",
                "Where can I find last month's invoice?", WEDNESDAY_10_AM_PACIFIC));

        RuleFired category = step(decision, decision.getCategoryRule());
        assertThat(category.rule()).isEqualTo("Non-emergency: one user or one function is affected");
        assertThat(category.matched()).isEmpty();
    }

    @Test
    void aNegatedConditionAddsNoWords() {
        Decision decision = shippedRules().decide(facts(Tier.SILVER, Hosting.PARTNER, "Our site is down",
                "Nothing loads for anyone.", WEDNESDAY_10_AM_PACIFIC));

        assertThat(step(decision, decision.getCategoryRule()).matched())
                .containsExactly(new MatchedWords("site is down", "subject"));
    }

    private static RuleFired step(Decision decision, String rule) {
        List<RuleFired> steps = decision.getExplanation().stream().filter(s -> s.rule().equals(rule)).toList();
        assertThat(steps).as("the rule %s fired once", rule).hasSize(1);
        return steps.get(0);
    }
}
