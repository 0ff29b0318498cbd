package io.turnaround.mail;

import java.time.Instant;

/**
 * An outbox row as staff see it (without its body). {@code ticketKey} is null for mail about no ticket;
 * {@code nextAttemptAt} is when a queued mail is tried next.
 */
public record OutboundMail(long id, String idempotencyKey, MailKind kind, String ticketKey, String recipient,
                           String subject, MailStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
                           Instant sentAt, String lastError) {
}
