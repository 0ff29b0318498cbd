package io.turnaround.ticket;

import org.springframework.security.access.AccessDeniedException;

/** The caller may create tickets but not set this field of one (an INTAKE account choosing the category): a 403. */
public class TicketFieldRefusedException extends AccessDeniedException {

    private final String field;

    TicketFieldRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
