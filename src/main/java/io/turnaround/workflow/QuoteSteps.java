package io.turnaround.workflow;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the custom-quote process asks of the rest of Turnaround (its custom tasks {@code PriceQuote},
 * {@code RemindQuote} and {@code ExpireQuote}, see processes/README.md). Each runs in the engine's transaction: in the
 * one that completes the estimate, or in the timer's.
 */
public interface QuoteSteps {

    /**
     * Prices the estimated work by the policy, stores the quote and queues its mail; returns the quote's id. Asked
     * again for the same process instance, it answers the quote it made the first time and does nothing more.
     */
    long price(Estimate estimate);

    /** The client has not answered yet: the reminder goes out, once, if the quote still waits. */
    void remind(long quoteId, Instant at);

    /** The quote's time is up: it expires, unless it was answered meanwhile. */
    void expire(long quoteId, Instant at);

    /** What sales estimated, and when the quote expires ({@code at} plus the BPMN's {@code expireAfter}). */
    record Estimate(String ticketKey, long processInstanceId, BigDecimal hours, String description, Instant at,
                    Instant expiresAt) {
    }
}
