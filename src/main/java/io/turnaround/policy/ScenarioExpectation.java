package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.SlaClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of a decision a scenario pins down; a null field is not checked. The due instant keeps the zone (or
 * offset) the analyst wrote it in, so a wrong one is shown in that zone too.
 */
record ScenarioExpectation(Category category, Route route, String candidateGroup, Duration slaTarget,
                           SlaClock slaClock, ZonedDateTime slaDueAt) {

    /** The fields a scenario may expect, in the order differences are listed. */
    static final List<String> FIELDS = List.of("category", "route", "candidateGroup", "slaTarget", "slaClock", "slaDueAt");

    /** What a difference shows for a part of the decision the rules left unmade. */
    private static final String NOTHING = "nothing";

    boolean isEmpty() {
        return category == null && route == null && candidateGroup == null && slaTarget == null && slaClock == null
                && slaDueAt == null;
    }

    /** The expected fields whose value in the decision differs, in {@link #FIELDS} order. */
    List<ScenarioDifference> differences(Decision decision) {
        List<ScenarioDifference> differences = new ArrayList<>();
        compare(differences, "category", category, decision.getCategory());
        compare(differences, "route", route, decision.getRoute());
        compare(differences, "candidateGroup", candidateGroup, decision.getCandidateGroup());
        compare(differences, "slaTarget", slaTarget, decision.getSlaTarget());
        if (slaClock != null && slaClock != decision.getSlaClock()) {
            differences.add(new ScenarioDifference("slaClock", slaClock.label(),
                    decision.getSlaClock() == null ? NOTHING : decision.getSlaClock().label()));
        }
        Instant due = decision.getSlaDueAt();
        if (slaDueAt != null && !slaDueAt.toInstant().equals(due)) {
            differences.add(new ScenarioDifference("slaDueAt", slaDueAt.toString(),
                    due == null ? NOTHING : due.atZone(slaDueAt.getZone()).toString()));
        }
        return differences;
    }

    private static void compare(List<ScenarioDifference> differences, String field, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            differences.add(new ScenarioDifference(field, expected.toString(), actual == null ? NOTHING : actual.toString()));
        }
    }
}
