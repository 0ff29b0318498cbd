package io.turnaround.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What checking a policy version found: compiler problems, problems in other files (the mail templates) and gaps
 * ({@code problems}; a gap names no file), and the scenario report (null when the bundle did not compile, or its
 * rules were stopped, so no scenario result stands). {@code stopped} is the evaluation that was stopped, if any:
 * it is among the problems too.
 */
public record PolicyCheckResult(List<PolicyProblem> problems, ScenarioReport scenarios, PolicyProblem stopped) {

    public PolicyCheckResult {
        problems = List.copyOf(problems);
    }

    public PolicyCheckResult(List<PolicyProblem> problems, ScenarioReport scenarios) {
        this(problems, scenarios, null);
    }

    static PolicyCheckResult problems(List<PolicyProblem> problems) {
        return new PolicyCheckResult(problems, null);
    }

    /** The rules did not finish an evaluation (too slow, too much memory, an error): nothing else they did counts. */
    static PolicyCheckResult stopped(List<PolicyProblem> fileProblems, PolicyProblem stop) {
        List<PolicyProblem> problems = new ArrayList<>(fileProblems);
        problems.add(stop);
        return new PolicyCheckResult(problems, null, stop);
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
            scenarios.corpora().stream().filter(corpus -> !corpus.passed())
                    .forEach(corpus -> all.add(new PolicyProblem(corpus.file(), 1, "below its accuracy threshold: "
                            + corpus.report())));
        }
        return all;
    }

    public String summary() {
        if (stopped != null) {
            return "the rules were stopped: " + stopped.message();
        }
        if (scenarios == null) {
            return "does not compile: " + problems.size() + " problem(s)";
        }
        long gaps = gaps().size();
        long inFiles = problems.size() - gaps;
        return (gaps == 0 ? "compiles, decides every tier, hosting and category" : gaps + " gap(s) in the decisions")
                + (inFiles == 0 ? "" : "; " + inFiles + " problem(s) in the mail templates") + "; " + scenarios.summary();
    }

    /** The tier × hosting × category combinations the rules could not decide: the problems that name no file. */
    public List<PolicyProblem> gaps() {
        return problems.stream().filter(p -> p.file() == null).toList();
    }
}
