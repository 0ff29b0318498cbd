package io.turnaround.policy;

import java.util.List;

/**
 * The outcome of a policy's scenarios: how many passed, which failed, the problems that kept a scenario file or a
 * scenario from being read (those scenarios did not run), and how well each corpus (a file that sets an accuracy)
 * was classified. A corpus's requests that got another category are not failures: they are in its accuracy.
 */
public record ScenarioReport(int passed, List<ScenarioFailure> failures, List<PolicyProblem> problems,
                             List<CategoryAccuracy> corpora) {

    public ScenarioReport {
        failures = List.copyOf(failures);
        problems = List.copyOf(problems);
        corpora = List.copyOf(corpora);
    }

    /** Every scenario was read and passed, and every corpus reached its accuracy. */
    public boolean ok() {
        return failures.isEmpty() && problems.isEmpty() && corpora.stream().allMatch(CategoryAccuracy::passed);
    }

    /** The scenarios that ran. */
    public int total() {
        return passed + failures.size() + corpora.stream().mapToInt(c -> c.misclassified().size()).sum();
    }

    /**
     * E.g. {@code 42 scenarios: 41 passed, 1 failed}, plus the count of problems when there are any and each corpus's
     * accuracy.
     */
    public String summary() {
        String summary = total() + (total() == 1 ? " scenario: " : " scenarios: ") + passed + " passed, "
                + failures.size() + " failed";
        int misclassified = total() - passed - failures.size();
        if (misclassified > 0) {
            summary += ", " + misclassified + " of a corpus got another category";
        }
        if (!problems.isEmpty()) {
            summary += ", " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the scenario files";
        }
        for (CategoryAccuracy corpus : corpora) {
            summary += "; " + corpus.summary() + (corpus.passed() ? "" : ", below its threshold");
        }
        return summary;
    }
}
