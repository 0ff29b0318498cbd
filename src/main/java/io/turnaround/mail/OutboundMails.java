package io.turnaround.mail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.turnaround.database.Timestamps.instant;
import static io.turnaround.database.Timestamps.utc;

/**
 * The outbox table as the sender and staff use it. A sender claims a row with one conditional update before sending
 * it, which only one of several nodes (or threads) can win; the claim's lease runs out if its node dies mid-send,
 * and then any node may claim the row again.
 */
@Repository
public class OutboundMails {

    private static final String COLUMNS = "id, idempotency_key, kind, ticket_id, recipient, subject, status, attempts,"
            + " created_at, next_attempt_at, sent_at, last_error";

    private final JdbcTemplate jdbc;
    private final MailReceiver tickets;
    private final RowMapper<OutboundMail> row = this::map;

    OutboundMails(JdbcTemplate jdbc, MailReceiver tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    /** What a retry by staff did. */
    public enum Retry { QUEUED_NOW, NOT_FOUND, ALREADY_SENT, BEING_SENT }

    /** The mail in this state (null: every mail not sent yet, waiting or given up on), newest first. */
    public List<OutboundMail> list(MailStatus status, int limit) {
        if (status == null) {
            return jdbc.query("select " + COLUMNS + " from outbound_mail where status in ('QUEUED', 'FAILED')"
                    + " order by created_at desc, id desc fetch first " + limit + " rows only", row);
        }
        return jdbc.query("select " + COLUMNS + " from outbound_mail where status = ? order by created_at desc, id desc"
                + " fetch first " + limit + " rows only", row, status.name());
    }

    public Optional<OutboundMail> find(long id) {
        return jdbc.query("select " + COLUMNS + " from outbound_mail where id = ?", row, id).stream().findFirst();
    }

    /** How many mails wait to be sent (first tries and retries); the SENT ones, which pile up, are not counted. */
    public int queued() {
        Integer queued = jdbc.queryForObject("select count(*) from outbound_mail where status = 'QUEUED'", Integer.class);
        return queued == null ? 0 : queued;
    }

    /**
     * A failed (or waiting) mail goes out at the next poll, with a fresh count of attempts: staff have fixed the
     * cause. A mail some node is sending right now is left alone.
     */
    public Retry retry(long id, Instant now) {
        int updated = jdbc.update("update outbound_mail set status = 'QUEUED', attempts = 0, next_attempt_at = ?,"
                + " claimed_by = null, claimed_until = null where id = ? and status in ('QUEUED', 'FAILED')"
                + " and (claimed_until is null or claimed_until < ?)", utc(now), id, utc(now));
        if (updated == 1) {
            return Retry.QUEUED_NOW;
        }
        return find(id).map(m -> m.status() == MailStatus.SENT ? Retry.ALREADY_SENT : Retry.BEING_SENT)
                .orElse(Retry.NOT_FOUND);
    }

    /** Queued rows due by {@code now} that nobody holds, the longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("select id from outbound_mail where status = 'QUEUED' and next_attempt_at <= ?"
                + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id fetch first " + limit
                + " rows only", Long.class, utc(now), utc(now));
    }

    /**
     * Takes those of the rows that are still due and that nobody holds, for one attempt each: the update is atomic, so
     * of two senders racing for a row exactly one gets it back. The attempt is counted now, so a mail whose sending
     * kills its node still runs out of attempts. Returns the rows taken, the longest waiting first.
     */
    List<ClaimedMail> claim(List<Long> ids, String claim, Instant now, Instant until) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>(List.of(claim, utc(until)));
        arguments.addAll(ids);
        arguments.addAll(List.of(utc(now), utc(now)));
        int won = jdbc.update("update outbound_mail set claimed_by = ?, claimed_until = ?, attempts = attempts + 1"
                + " where id in (" + Outbox.placeholders(ids.size()) + ") and status = 'QUEUED' and next_attempt_at <= ?"
                + " and (claimed_until is null or claimed_until < ?)", arguments.toArray());
        if (won == 0) {
            return List.of();
        }
        return jdbc.query("select id, idempotency_key, kind, ticket_id, recipient, subject, body, in_reply_to, attempts"
                + " from outbound_mail where id in (" + Outbox.placeholders(ids.size()) + ") and claimed_by = ?"
                + " order by next_attempt_at, id", (rs, n) -> new ClaimedMail(rs.getLong("id"),
                rs.getString("idempotency_key"), MailKind.valueOf(rs.getString("kind")),
                rs.getObject("ticket_id") == null ? null : tickets.ticketKey(rs.getLong("ticket_id")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("in_reply_to"), rs.getInt("attempts")),
                Stream.concat(ids.stream(), Stream.of(claim)).toArray());
    }

    /**
     * Marks the claimed rows sent; returns how many were still held by this claim (fewer when a lease ran out
     * meanwhile and another node took the row over).
     */
    int sent(List<Long> ids, String claim, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> arguments = new ArrayList<>(List.of(utc(at)));
        arguments.addAll(ids);
        arguments.add(claim);
        return jdbc.update("update outbound_mail set status = 'SENT', sent_at = ?, claimed_by = null, claimed_until = null"
                + " where id in (" + Outbox.placeholders(ids.size()) + ") and claimed_by = ?", arguments.toArray());
    }

    /** Gives up a claim without an outcome: the attempt did not happen, and any node may claim the row now. */
    boolean release(long id, String claim) {
        return jdbc.update("update outbound_mail set claimed_by = null, claimed_until = null, attempts = attempts - 1"
                + " where id = ? and claimed_by = ?", id, claim) == 1;
    }

    /** Records a failed attempt: queued again for {@code retryAt}, or FAILED when that is null. */
    boolean failed(long id, String claim, String error, Instant at, Instant retryAt) {
        return jdbc.update("update outbound_mail set status = ?, next_attempt_at = ?, last_error = ?, claimed_by = null,"
                        + " claimed_until = null where id = ? and claimed_by = ?",
                retryAt == null ? MailStatus.FAILED.name() : MailStatus.QUEUED.name(), utc(retryAt == null ? at : retryAt),
                error, id, claim) == 1;
    }

    private OutboundMail map(ResultSet rs, int n) throws SQLException {
        Object ticketId = rs.getObject("ticket_id");
        return new OutboundMail(rs.getLong("id"), rs.getString("idempotency_key"), MailKind.valueOf(rs.getString("kind")),
                ticketId == null ? null : tickets.ticketKey(((Number) ticketId).longValue()), rs.getString("recipient"),
                rs.getString("subject"), MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"),
                rs.getString("last_error"));
    }
}
