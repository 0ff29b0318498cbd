package io.turnaround.ticket;

/** No ticket has that key. */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String key) {
        super("no ticket " + key);
    }
}
