package io.turnaround.mail;

import java.time.Instant;

/**
 * A message that could not be read as mail, kept whole, with why, for staff to look at; or one over the size limit
 * ({@code tooLarge}), read from its headers alone, which made the ticket {@code ticketKey} if its sender could be read.
 */
public record UnreadableMail(long id, String mailbox, Long uid, Instant receivedAt, String sender, String subject,
                             String reason, boolean tooLarge, String ticketKey) {
}
