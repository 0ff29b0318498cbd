package io.turnaround.policy;

import io.turnaround.policy.facts.TicketFacts;

/** One analyst-written scenario: a ticket and what the policy must decide for it; {@code line} is where it starts. */
record Scenario(String file, int line, String name, TicketFacts ticket, ScenarioExpectation expect) {
}
