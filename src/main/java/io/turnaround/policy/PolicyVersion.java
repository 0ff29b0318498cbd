package io.turnaround.policy;

import java.time.Instant;

/**
 * A stored policy version: its number is also the KJAR version and names its process deployment. {@code basedOn} is
 * the version its upload started from (null for a whole bundle); {@code activatedAt} is when it last became active.
 */
public record PolicyVersion(int number, String contentHash, State state, String author, Instant createdAt,
                            Instant activatedAt, Integer basedOn, String description) {

    /** DRAFT: stored and checked, never active; REJECTED: failed its checks; RETIRED: active once, may be again. */
    public enum State { DRAFT, ACTIVE, RETIRED, REJECTED }

    public String kjarVersion() {
        return kjarVersionOf(number);
    }

    public static String kjarVersionOf(int number) {
        return Integer.toString(number);
    }
}
