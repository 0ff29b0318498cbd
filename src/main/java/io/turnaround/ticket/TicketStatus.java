package io.turnaround.ticket;

/** Where a ticket stands: TRIAGE (unknown sender, no policy decision), OPEN (in a queue), ASSIGNED, WAITING (on someone), RESOLVED. */
public enum TicketStatus {
    TRIAGE, OPEN, ASSIGNED, WAITING, RESOLVED
}
