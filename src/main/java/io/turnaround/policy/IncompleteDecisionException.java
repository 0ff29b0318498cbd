package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;

/** The rules ran but left part of the decision open: a gap in the policy, not in the request. */
public class IncompleteDecisionException extends RuntimeException {

    public IncompleteDecisionException(TicketFacts facts, Decision decision) {
        super("the policy made no complete decision for " + facts + ": " + decision
                + " (every tier needs a plan rule, every category a route and an SLA rule)");
    }
}
