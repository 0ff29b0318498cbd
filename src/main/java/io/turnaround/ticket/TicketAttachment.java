package io.turnaround.ticket;

import java.time.Instant;

/**
 * A file that came with a ticket's mail; {@code stored} is false when it was over the size limit, or when retention
 * removed it ({@code removedAt}, some time after the ticket was resolved).
 */
public record TicketAttachment(long id, String filename, String contentType, long sizeBytes, boolean stored,
                               Instant receivedAt, Instant removedAt) {
}
