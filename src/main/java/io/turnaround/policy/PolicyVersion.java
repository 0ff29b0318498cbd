package io.turnaround.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A stored policy version: its number is also the KJAR version and names its process deployment. {@code basedOn} is
 * the version its upload started from (null for a whole bundle); {@code activatedAt} is when it last became active.
 */
public record PolicyVersion(@Schema(example = "2") int number,
                            @Schema(example = "9f2c4e0d7a1b…") String contentHash,
                            @Schema(example = "DRAFT") State state, @Schema(example = "andy") String author,
                            @Schema(example = "2026-11-24T10:15:00Z") Instant createdAt,
                            @Schema(description = "When it last became active") Instant activatedAt,
                            @Schema(description = "The version its upload started from; null for a whole bundle",
                                    example = "1") Integer basedOn,
                            @Schema(example = "Gold's standard turnaround is 8 business hours") String description) {

    /** DRAFT: stored and checked, never active; REJECTED: failed its checks; RETIRED: active once, may be again. */
    public enum State { DRAFT, ACTIVE, RETIRED, REJECTED }

    public String kjarVersion() {
        return kjarVersionOf(number);
    }

    public static String kjarVersionOf(int number) {
        return Integer.toString(number);
    }
}
