package io.turnaround.ticket;

import java.util.List;

/** The custom-work quotes of a ticket, for its JSON view; the quote feature answers. */
public interface TicketQuotes {

    /** The ticket's quotes, oldest first, as the quote feature shows them. */
    List<?> of(long ticketId);
}
