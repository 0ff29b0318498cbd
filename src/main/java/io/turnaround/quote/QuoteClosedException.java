package io.turnaround.quote;

/** The quote's process has ended (the ticket was closed another way): the answer cannot be taken through the link. */
class QuoteClosedException extends RuntimeException {

    QuoteClosedException(long quoteId) {
        super("Quote " + quoteId + " can no longer be answered through this link. Please answer our mail instead.");
    }
}
