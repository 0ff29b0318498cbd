package io.turnaround.studio;

import java.time.Instant;

/**
 * A draft of the policy's files, based on a version. {@code revision} counts its saves; {@code submittedAs} is the
 * version it became.
 */
public record Workspace(long id, int basedOn, State state, long revision, String createdBy, Instant createdAt,
                        String changedBy, Instant changedAt, Integer submittedAs) {

    public enum State { OPEN, SUBMITTED, DISCARDED }

    public boolean open() {
        return state == State.OPEN;
    }
}
