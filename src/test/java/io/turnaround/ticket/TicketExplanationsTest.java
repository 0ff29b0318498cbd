package io.turnaround.ticket;

import io.turnaround.policy.facts.MatchedWords;
import io.turnaround.policy.facts.RuleFired;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketExplanationsTest {

    @Test
    void aPolicyThatFiresAGreatManyRulesKeepsTheFirstThatFitAndSaysHowManyMore() {
        List<RuleFired> rules = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            rules.add(new RuleFired("Rule number " + i, List.of("escalation at " + i + "%: NOTIFY_ASSIGNEE"),
                    List.of(new MatchedWords("site is down", "subject"))));
        }

        String json = TicketExplanations.json(rules);

        assertThat(json.length()).isLessThanOrEqualTo(100_000);
        assertThat(json).startsWith("[{\"rule\":\"Rule number 0\",").contains("\"rule\":\"Rule number 749\",")
                .doesNotContain("Rule number 750\"").contains("\"rule\":\"(750 more rules fired; too many to keep)\"");
        assertThat(TicketExplanations.json(rules.subList(0, 3))).as("a usual explanation is kept whole")
                .contains("Rule number 2").doesNotContain("more rules fired");
    }
}
