package io.turnaround.ticket;

import java.time.Instant;

/**
 * A ticket was decided again (its category corrected, its client's plan changed, or moved to another policy version):
 * its process, with everything the process was doing, ended and a new one started.
 */
public record TicketRedecided(long ticketId, Instant at) {
}
