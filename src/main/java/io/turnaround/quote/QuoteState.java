package io.turnaround.quote;

/** Where a quote stands: SENT waits for the client's answer; the others are final. */
public enum QuoteState {
    SENT, ACCEPTED, DECLINED, EXPIRED
}
