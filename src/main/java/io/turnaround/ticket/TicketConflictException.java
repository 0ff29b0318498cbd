package io.turnaround.ticket;

/** The ticket's state (or the client data) does not allow what was asked, right now. */
public class TicketConflictException extends RuntimeException {

    public TicketConflictException(String message) {
        super(message);
    }
}
