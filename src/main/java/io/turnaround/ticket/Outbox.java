package io.turnaround.ticket;

import io.turnaround.mail.MailKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Locale;

/**
 * Mail waiting to leave, written in the transaction that caused it; the sender in {@code mail/} delivers it. The
 * idempotency key names the cause (a reply, an escalation rung and its recipient, a ticket's acknowledgement):
 * queuing the same key twice keeps the first, so a retried or repeated cause never sends twice.
 */
@Repository
public class Outbox {

    static final int MAX_SUBJECT = 500;
    static final int MAX_BODY = 100_000;

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One mail to queue. {@code messageId} is the ticket message it carries (a reply), {@code inReplyTo} the
     * Message-ID it answers, with its angle brackets (null: it starts a thread).
     */
    public record Mail(MailKind kind, String idempotencyKey, long ticketId, Long messageId, String recipient, String subject,
                String body, String inReplyTo) {
    }

    /** Queues a mail; returns false if one with this key was already queued. */
    public boolean queue(Mail mail, Instant now) {
        if (isQueued(mail.idempotencyKey())) {
            return false;
        }
        jdbc.update("insert into outbound_mail (idempotency_key, kind, ticket_id, message_id, recipient, subject, body,"
                        + " in_reply_to, status, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)",
                mail.idempotencyKey(), mail.kind().name(), mail.ticketId(), mail.messageId(), mail.recipient(),
                cut(mail.subject(), MAX_SUBJECT), cut(mail.body(), MAX_BODY), mail.inReplyTo(), Tickets.utc(now),
                Tickets.utc(now));
        return true;
    }

    /** The mail of either key not sent yet answers that Message-ID (angle brackets included): In-Reply-To. */
    void answering(String idempotencyKey, String otherKey, String messageId) {
        jdbc.update("update outbound_mail set in_reply_to = ? where idempotency_key in (?, ?) and status = 'QUEUED'"
                + " and in_reply_to is null", messageId, idempotencyKey, otherKey);
    }

    /**
     * How many acknowledgements were queued for this address (whatever its case) since then, counted up to
     * {@code atMost}: a flood from one address costs the count no more than the limit it is checked against.
     */
    int acknowledgementsTo(String recipient, Instant since, int atMost) {
        Integer queued = jdbc.queryForObject("select count(*) from (select 1 from outbound_mail"
                + " where kind = 'ACKNOWLEDGEMENT' and lower(recipient) = ? and created_at >= ? limit ?) recent",
                Integer.class, recipient.toLowerCase(Locale.ROOT), Tickets.utc(since), atMost);
        return queued == null ? 0 : queued;
    }

    boolean isQueued(String idempotencyKey) {
        Integer queued = jdbc.queryForObject("select count(*) from outbound_mail where idempotency_key = ?",
                Integer.class, idempotencyKey);
        return queued != null && queued > 0;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
