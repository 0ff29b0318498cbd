package io.turnaround.ticket;

/** Where a ticket stands: TRIAGE (unknown sender, no policy decision), OPEN (in a queue), ASSIGNED, RESOLVED. */
public enum TicketStatus {
    TRIAGE, OPEN, ASSIGNED, RESOLVED
}
