package io.turnaround.policy;

/**
 * A policy's rules that did not finish an evaluation: too slow, too greedy for memory, or failing with an error such
 * as a stack overflow. {@code file} and {@code line} say which scenario, when it was one.
 */
public class PolicyEvaluationException extends RuntimeException {

    private final String file;
    private final int line;

    PolicyEvaluationException(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    public PolicyProblem problem() {
        return new PolicyProblem(file, line, getMessage());
    }
}
