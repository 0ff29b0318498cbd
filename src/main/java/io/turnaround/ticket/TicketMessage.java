package io.turnaround.ticket;

import java.time.Instant;

/** A note (staff only) or a reply to the customer, with the state of its mail for a reply. */
public record TicketMessage(long id, Kind kind, String author, String body, Instant createdAt, String mailStatus) {

    public enum Kind { NOTE, REPLY }
}
