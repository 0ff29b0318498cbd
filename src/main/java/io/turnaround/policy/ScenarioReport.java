package io.turnaround.policy;

import java.util.List;

/**
 * The outcome of a policy's scenarios: how many passed, which failed, and the problems that kept a scenario
 * file or a scenario from being read (those scenarios did not run).
 */
public record ScenarioReport(int passed, List<ScenarioFailure> failures, List<PolicyProblem> problems) {

    public ScenarioReport {
        failures = List.copyOf(failures);
        problems = List.copyOf(problems);
    }

    /** Every scenario was read and passed. */
    public boolean ok() {
        return failures.isEmpty() && problems.isEmpty();
    }

    /** The scenarios that ran. */
    public int total() {
        return passed + failures.size();
    }

    /** E.g. {@code 42 scenarios: 41 passed, 1 failed}, plus the count of problems when there are any. */
    public String summary() {
        String summary = total() + (total() == 1 ? " scenario: " : " scenarios: ") + passed + " passed, "
                + failures.size() + " failed";
        if (!problems.isEmpty()) {
            summary += ", " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the scenario files";
        }
        return summary;
    }
}
