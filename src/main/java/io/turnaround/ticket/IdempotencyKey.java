package io.turnaround.ticket;

/**
 * A caller's {@code Idempotency-Key} for a new ticket: the same key from the same caller names the same request.
 * Keys are 1 to 255 visible ASCII characters (a UUID fits), so they store and log as they came.
 */
record IdempotencyKey(String caller, String value) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    /** The key of this header value, or null when the header is absent; a bad one is a 400 naming the header. */
    static IdempotencyKey of(String caller, String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > MAX_LENGTH) {
            throw new InvalidTicketRequestException(HEADER, "must be 1 to " + MAX_LENGTH + " characters, not "
                    + header.length());
        }
        if (!header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidTicketRequestException(HEADER, "must be visible ASCII characters only (no spaces),"
                    + " e.g. a UUID");
        }
        return new IdempotencyKey(caller, header);
    }
}
