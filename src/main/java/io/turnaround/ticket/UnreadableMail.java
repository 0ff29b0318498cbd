package io.turnaround.ticket;

import java.time.Instant;

/** A message that could not be read as mail: kept whole, with why, for staff to look at. */
public record UnreadableMail(long id, String mailbox, Long uid, Instant receivedAt, String sender, String subject,
                             String reason) {
}
