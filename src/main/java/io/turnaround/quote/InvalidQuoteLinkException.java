package io.turnaround.quote;

/** A quote link this server did not make, or one that was changed: it opens nothing. */
class InvalidQuoteLinkException extends RuntimeException {

    InvalidQuoteLinkException() {
        super("This link is not valid. Please open the link exactly as it is in our mail.");
    }
}
