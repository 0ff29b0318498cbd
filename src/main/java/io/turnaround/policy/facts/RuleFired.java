package io.turnaround.policy.facts;

import java.io.Serializable;
import java.util.List;

/**
 * One step of a decision's explanation: a rule that fired on it, the parts of the decision it set (like
 * {@code category EMERGENCY}), and the words of the request its conditions matched.
 */
public record RuleFired(String rule, List<String> decided, List<MatchedWords> matched) implements Serializable {

    public RuleFired {
        decided = List.copyOf(decided);
        matched = List.copyOf(matched);
    }
}
