package io.turnaround.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy bundle that does not compile, with every problem found. */
public class PolicyCompilationException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public PolicyCompilationException(List<PolicyProblem> problems) {
        super("the policy does not compile:\n" + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
