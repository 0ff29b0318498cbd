package io.turnaround.ticket;

import java.time.Instant;

/** A file that came with a ticket's mail; {@code stored} is false when it was over the size limit. */
public record TicketAttachment(long id, String filename, String contentType, long sizeBytes, boolean stored,
                               Instant receivedAt) {
}
