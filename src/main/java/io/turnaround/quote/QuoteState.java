package io.turnaround.quote;

/**
 * Where a quote stands: SENT waits for the client's answer; the others are final. WITHDRAWN: its ticket was decided
 * again before the client answered.
 */
public enum QuoteState {
    SENT, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
}
