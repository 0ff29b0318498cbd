package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.SlaClock;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.sla.Escalation;
import io.turnaround.sla.EscalationAction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The policy's answer for one ticket, as the API shows it, and why; with its escalation ladder, each rung's moment. */
public record PolicyDecision(Category category, Route route, Duration slaTarget, SlaClock slaClock,
                             Instant slaDueAt, String candidateGroup, int policyVersion, Explanation explanation,
                             List<Rung> ladder) {

    /** One rung of the ladder as the policy wrote it ("80%", "PT15M before due") and when it comes for this request. */
    public record Rung(String moment, EscalationAction action, String group, Instant at) {
    }

    public static PolicyDecision of(Decision decision, TicketFacts facts, int policyVersion) {
        return new PolicyDecision(decision.getCategory(), decision.getRoute(), decision.getSlaTarget(),
                decision.getSlaClock(), decision.getSlaDueAt(), decision.getCandidateGroup(), policyVersion,
                Explanation.of(decision, facts.getReceivedAt()), ladder(decision, facts.getReceivedAt()));
    }

    private static List<Rung> ladder(Decision decision, Instant receivedAt) {
        boolean timed = decision.getCalendar() != null && decision.getSlaTarget() != null
                && decision.getSlaDueAt() != null;
        return decision.getEscalations().stream().map(step -> new Rung(step.moment(), step.action(), step.group(),
                timed ? moment(step, decision, receivedAt) : null)).toList();
    }

    private static Instant moment(Escalation step, Decision decision, Instant receivedAt) {
        return step.momentFor(decision.getCalendar(), receivedAt, decision.getSlaTarget(), decision.getSlaDueAt());
    }
}
