package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;

import java.util.ArrayList;
import java.util.List;

/** The rules ran but left part of the decision open: a gap in the policy, not in the request. */
public class IncompleteDecisionException extends RuntimeException {

    private final List<String> missing;

    public IncompleteDecisionException(TicketFacts facts, Decision decision) {
        super("the policy made no complete decision for " + facts + ": " + decision
                + " (every tier needs a plan rule, every category a route and an SLA rule)");
        this.missing = missingParts(decision);
    }

    /** The parts of the decision the rules left unmade, by the decision's field names, e.g. {@code [route, candidateGroup]}. */
    public List<String> missing() {
        return missing;
    }

    private static List<String> missingParts(Decision decision) {
        List<String> missing = new ArrayList<>();
        addIfNull(missing, "plan", decision.getPlan());
        addIfNull(missing, "category", decision.getCategory());
        addIfNull(missing, "route", decision.getRoute());
        addIfNull(missing, "candidateGroup", decision.getCandidateGroup());
        addIfNull(missing, "slaTarget", decision.getSlaTarget());
        addIfNull(missing, "slaClock", decision.getSlaClock());
        addIfNull(missing, "calendar", decision.getCalendar());
        addIfNull(missing, "slaDueAt", decision.getSlaDueAt());
        return List.copyOf(missing);
    }

    private static void addIfNull(List<String> missing, String part, Object value) {
        if (value == null) {
            missing.add(part);
        }
    }
}
