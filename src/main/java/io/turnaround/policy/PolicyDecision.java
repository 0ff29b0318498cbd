package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.SlaClock;
import io.turnaround.policy.facts.TicketFacts;

import java.time.Duration;
import java.time.Instant;

/** The policy's answer for one ticket, as the API shows it, and why. */
public record PolicyDecision(Category category, Route route, Duration slaTarget, SlaClock slaClock,
                             Instant slaDueAt, String candidateGroup, int policyVersion, Explanation explanation) {

    public static PolicyDecision of(Decision decision, TicketFacts facts, int policyVersion) {
        return new PolicyDecision(decision.getCategory(), decision.getRoute(), decision.getSlaTarget(),
                decision.getSlaClock(), decision.getSlaDueAt(), decision.getCandidateGroup(), policyVersion,
                Explanation.of(decision, facts.getReceivedAt()));
    }
}
