package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.RuleFired;
import io.turnaround.sla.DueArithmetic;

import java.time.Instant;
import java.util.List;

/**
 * Why a decision came out as it did: the rules that fired, in order, with what each set and the words it matched;
 * the calendar its clock runs on; and the due-date arithmetic in one line (null when the decision has no due
 * instant).
 */
public record Explanation(List<RuleFired> rules, String calendar, String dueArithmetic) {

    public Explanation {
        rules = List.copyOf(rules);
    }

    /** The explanation of a decision the rules just made, whose clock starts at {@code clockFrom}. */
    public static Explanation of(Decision decision, Instant clockFrom) {
        boolean timed = decision.getCalendar() != null && decision.getSlaTarget() != null && decision.getSlaDueAt() != null;
        return new Explanation(decision.getExplanation(), decision.getCalendar() == null ? null
                : decision.getCalendar().toString(), timed ? DueArithmetic.of(decision.getCalendar(),
                clockFrom, decision.getSlaTarget(), decision.getSlaDueAt()) : null);
    }
}
