package io.turnaround.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What checking a policy version found: compiler problems and gaps ({@code problems}), and the scenario report (null
 * when the bundle did not compile, so no scenario could run).
 */
public record PolicyCheckResult(List<PolicyProblem> problems, ScenarioReport scenarios) {

    public PolicyCheckResult {
        problems = List.copyOf(problems);
    }

    static PolicyCheckResult problems(List<PolicyProblem> problems) {
        return new PolicyCheckResult(problems, null);
    }

    public boolean passed() {
        return problems.isEmpty() && scenarios != null && scenarios.ok();
    }

    /** Everything that failed, one problem each: scenario failures carry their diff in the message. */
    public List<PolicyProblem> allProblems() {
        List<PolicyProblem> all = new ArrayList<>(problems);
        if (scenarios != null) {
            all.addAll(scenarios.problems());
            scenarios.failures().forEach(f -> all.add(new PolicyProblem(f.file(), f.line(), f.diff())));
        }
        return all;
    }

    public String summary() {
        if (scenarios == null) {
            return "does not compile: " + problems.size() + " problem(s)";
        }
        return (problems.isEmpty() ? "compiles, decides every tier, hosting and category" : problems.size()
                + " gap(s) in the decisions") + "; " + scenarios.summary();
    }
}
