package io.turnaround.quote;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A custom-work quote as stored: the work sales estimated, how the policy version {@code policyVersion} charged it
 * (the month's included hours first, the rest at {@code hourlyRate}), and where it stands.
 */
record Quote(long id, long ticketId, long processInstanceId, QuoteState state, String description, Duration work,
             Duration included, Duration billable, BigDecimal hourlyRate, BigDecimal amount, int policyVersion,
             Instant createdAt, Instant expiresAt, Instant remindedAt, Instant answeredAt) {

    /** Waiting for the client, and still in time at {@code now}. */
    boolean isOpenAt(Instant now) {
        return state == QuoteState.SENT && now.isBefore(expiresAt);
    }
}
