package io.turnaround.policy;

/** One compiler problem in a policy file; {@code line} is 0 when the compiler gave none. */
public record PolicyProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return (file == null ? "bundle" : file) + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
