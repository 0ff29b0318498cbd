package io.turnaround.ticket;

import org.springframework.security.access.AccessDeniedException;

/** This person may read the ticket but not write to it; the message says why (a 403, or the "Not allowed" page). */
public class TicketWriteRefusedException extends AccessDeniedException {

    public TicketWriteRefusedException(String message) {
        super(message);
    }
}
