package io.turnaround.mail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.turnaround.database.Timestamps.instant;
import static io.turnaround.database.Timestamps.utc;

/**
 * Mail waiting to leave, written in the transaction that caused it; {@link OutboxSender} delivers it. The idempotency
 * key names the cause (a reply, an escalation rung and its recipient, a ticket's acknowledgement): queuing the same
 * key twice keeps the first, so a retried or repeated cause never sends twice. This package owns the outbox table:
 * the rest of Turnaround queues and asks about its mail here, and never touches the table itself.
 */
@Repository
public class Outbox {

    static final int MAX_SUBJECT = 500;
    static final int MAX_BODY = 100_000;

    private final JdbcTemplate jdbc;

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One mail to queue. {@code ticketId} is the ticket it is about (null for none: a report), {@code messageId} the
     * ticket message it carries (a reply), {@code inReplyTo} the Message-ID it answers, with its angle brackets (null:
     * it starts a thread).
     */
    public record Mail(MailKind kind, String idempotencyKey, Long ticketId, Long messageId, String recipient, String subject,
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
                cut(mail.subject(), MAX_SUBJECT), cut(mail.body(), MAX_BODY), mail.inReplyTo(), utc(now), utc(now));
        return true;
    }

    /** The mail of either key not sent yet answers that Message-ID (angle brackets included): In-Reply-To. */
    public void answering(String idempotencyKey, String otherKey, String messageId) {
        jdbc.update("update outbound_mail set in_reply_to = ? where idempotency_key in (?, ?) and status = 'QUEUED'"
                + " and in_reply_to is null", messageId, idempotencyKey, otherKey);
    }

    /**
     * How many acknowledgements were queued for this address (whatever its case) since then, counted up to
     * {@code atMost}: a flood from one address costs the count no more than the limit it is checked against.
     */
    public int acknowledgementsTo(String recipient, Instant since, int atMost) {
        Integer queued = jdbc.queryForObject("select count(*) from (select 1 from outbound_mail"
                + " where kind = 'ACKNOWLEDGEMENT' and lower(recipient) = ? and created_at >= ? limit ?) recent",
                Integer.class, recipient.toLowerCase(Locale.ROOT), utc(since), atMost);
        return queued == null ? 0 : queued;
    }

    public boolean isQueued(String idempotencyKey) {
        Integer queued = jdbc.queryForObject("select count(*) from outbound_mail where idempotency_key = ?",
                Integer.class, idempotencyKey);
        return queued != null && queued > 0;
    }

    /** When the mail with this key was sent, or queued if it has not gone yet; empty if there is none. */
    public Optional<Instant> sentOrQueuedAt(String idempotencyKey) {
        return jdbc.query("select coalesce(sent_at, created_at) as at from outbound_mail where idempotency_key = ?",
                (rs, n) -> instant(rs, "at"), idempotencyKey).stream().findFirst();
    }

    /** The ticket the mail with this key was about, if there is such a mail and it was about a ticket. */
    public Optional<Long> ticketOf(String idempotencyKey) {
        return jdbc.queryForList("select ticket_id from outbound_mail where idempotency_key = ? and ticket_id is not null",
                Long.class, idempotencyKey).stream().findFirst();
    }

    /** The state of the mail that carries each of the ticket's messages (its replies), by message id. */
    public Map<Long, MailStatus> statusOfMessages(long ticketId) {
        Map<Long, MailStatus> status = new HashMap<>();
        jdbc.query("select message_id, status from outbound_mail where ticket_id = ? and message_id is not null",
                rs -> {
                    status.put(rs.getLong("message_id"), MailStatus.valueOf(rs.getString("status")));
                }, ticketId);
        return status;
    }

    /** Up to {@code limit} mails sent before then, the oldest first. */
    public List<SentMail> sentBefore(Instant before, int limit) {
        return jdbc.query("select id, ticket_id, kind, recipient, subject, sent_at from outbound_mail where status = 'SENT'"
                        + " and sent_at < ? order by sent_at, id fetch first " + limit + " rows only",
                (rs, n) -> new SentMail(rs.getLong("id"), (Long) rs.getObject("ticket_id"),
                        MailKind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getString("subject"),
                        instant(rs, "sent_at")), utc(before));
    }

    /** Deletes these mails if they were sent; returns how many went. */
    public int deleteSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from outbound_mail where status = 'SENT' and id in (" + placeholders(ids.size()) + ")",
                ids.toArray());
    }

    /** A mail that was sent, as the history keeps it once the outbox row goes. */
    public record SentMail(long id, Long ticketId, MailKind kind, String recipient, String subject, Instant sentAt) {
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
