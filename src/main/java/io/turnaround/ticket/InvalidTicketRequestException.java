package io.turnaround.ticket;

/** A new ticket's request has a bad value in one field (or header); nothing was stored. A 400 naming the field. */
public class InvalidTicketRequestException extends RuntimeException {

    private final String field;

    InvalidTicketRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
