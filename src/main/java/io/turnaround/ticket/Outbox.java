package io.turnaround.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;

/**
 * Mail waiting to leave, written in the transaction that caused it. The idempotency key names the cause (a reply,
 * an escalation rung and its recipient): queuing the same key twice keeps the first, so a retried cause never
 * sends twice.
 */
@Repository
class Outbox {

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a mail; returns false if one with this key was already queued. */
    boolean queue(String idempotencyKey, long ticketId, Long messageId, String recipient, String subject, String body,
                  Instant now) {
        Integer queued = jdbc.queryForObject("select count(*) from outbound_mail where idempotency_key = ?",
                Integer.class, idempotencyKey);
        if (queued != null && queued > 0) {
            return false;
        }
        jdbc.update("insert into outbound_mail (idempotency_key, ticket_id, message_id, recipient, subject, body, status,"
                        + " created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)",
                idempotencyKey, ticketId, messageId, recipient, subject, body, Tickets.utc(now), Tickets.utc(now));
        return true;
    }
}
