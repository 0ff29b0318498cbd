package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;

import java.util.List;

/** One analyst-written scenario: a question to the rules and what they must answer; {@code line} is where it starts. */
record Scenario(String file, int line, String name, Check check) {

    /** What a scenario asks the rules, and how their answer differs from what it expects (empty when it passes). */
    interface Check {
        List<ScenarioDifference> differences(PolicyRules rules);
    }

    /** A ticket and the decision the rules must make for it. */
    record Decides(TicketFacts ticket, ScenarioExpectation expect) implements Check {
        @Override
        public List<ScenarioDifference> differences(PolicyRules rules) {
            return expect.differences(decide(rules));
        }

        Decision decide(PolicyRules rules) {
            return rules.decide(ticket);
        }
    }

    /** Work to charge and how the pricing rules must charge it. */
    record Charges(ChargeScenario.Work work, ChargeScenario.Expectation expect) implements Check {
        @Override
        public List<ScenarioDifference> differences(PolicyRules rules) {
            return expect.differences(rules.price(work.charge()));
        }
    }
}
