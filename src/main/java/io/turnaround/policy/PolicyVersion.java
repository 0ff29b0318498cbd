package io.turnaround.policy;

import java.time.Instant;

/** A stored policy version: its number is also the KJAR version and names its process deployment. */
public record PolicyVersion(int number, String contentHash, String state, String author, Instant createdAt) {

    public String kjarVersion() {
        return kjarVersionOf(number);
    }

    public static String kjarVersionOf(int number) {
        return Integer.toString(number);
    }
}
