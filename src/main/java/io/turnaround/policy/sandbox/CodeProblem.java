package io.turnaround.policy.sandbox;

/** Why a policy file may not run: the file, its line (0 if none) and what is wrong there. */
public record CodeProblem(String file, int line, String message) {
}
