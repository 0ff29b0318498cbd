package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.SlaClock;

import java.time.Duration;
import java.time.Instant;

/** The policy's answer for one ticket, as the API shows it. */
public record PolicyDecision(Category category, Route route, Duration slaTarget, SlaClock slaClock,
                             Instant slaDueAt, String candidateGroup, int policyVersion) {

    public static PolicyDecision of(Decision decision, int policyVersion) {
        return new PolicyDecision(decision.getCategory(), decision.getRoute(), decision.getSlaTarget(),
                decision.getSlaClock(), decision.getSlaDueAt(), decision.getCandidateGroup(), policyVersion);
    }
}
