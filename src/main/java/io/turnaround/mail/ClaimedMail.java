package io.turnaround.mail;

/** An outbox row a sender has claimed for one attempt, with all it needs to send it; {@code ticketKey} may be null. */
record ClaimedMail(long id, String idempotencyKey, MailKind kind, String ticketKey, String recipient, String subject,
                   String body, String inReplyTo, int attempts) {
}
