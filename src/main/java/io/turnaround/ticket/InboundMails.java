package io.turnaround.ticket;

import io.turnaround.database.Timestamps;
import io.turnaround.mail.MailOutcome;
import io.turnaround.mail.MailboxPosition;
import io.turnaround.mail.UnreadableMail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The log of mail taken in, which also recognises a message seen before (by mailbox position or Message-ID). */
@Repository
class InboundMails {

    /** What became of a message taken in before (its raw bytes, kept for unreadable mail, are not read here). */
    private static final String SEEN = "select id, outcome, ticket_id, reason from inbound_mail ";
    private static final RowMapper<MailOutcome> SEEN_BEFORE = (rs, n) -> {
        Long ticketId = (Long) rs.getObject("ticket_id");
        return new MailOutcome(rs.getLong("id"), MailOutcome.Kind.valueOf(rs.getString("outcome")),
                ticketId == null ? null : TicketKey.of(ticketId), rs.getString("reason"), true);
    };

    private final JdbcTemplate jdbc;

    InboundMails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MailOutcome> at(MailboxPosition position) {
        return jdbc.query(SEEN + "where mailbox = ? and uid_validity = ? and uid = ?", SEEN_BEFORE, position.mailbox(),
                position.uidValidity(), position.uid()).stream().findFirst();
    }

    Optional<MailOutcome> withMessageId(String messageId) {
        return jdbc.query(SEEN + "where message_id = ?", SEEN_BEFORE, messageId).stream().findFirst();
    }

    /** The ticket a mail we took in belongs to, by its Message-ID. */
    Optional<Long> ticketOfMessage(String messageId) {
        return jdbc.queryForList("select ticket_id from inbound_mail where message_id = ? and ticket_id is not null",
                Long.class, messageId).stream().findFirst();
    }

    /**
     * Records a message; the unique position and Message-ID make a second node taking the same message wait here
     * until the first commits, then fail, so only one of them goes on.
     */
    long insert(MailboxPosition position, String messageId, Instant receivedAt, String sender, String subject,
                MailOutcome.Kind outcome, String reason, byte[] raw) {
        return insert(position, messageId, receivedAt, sender, subject, outcome, reason, raw, false);
    }

    /** As above; {@code tooLarge}: only the message's headers were read, and it is listed with the unreadable ones. */
    long insert(MailboxPosition position, String messageId, Instant receivedAt, String sender, String subject,
                MailOutcome.Kind outcome, String reason, byte[] raw, boolean tooLarge) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into inbound_mail (mailbox, uid_validity, uid,"
                    + " message_id, received_at, sender, subject, outcome, reason, raw, too_large)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, position == null ? null : position.mailbox());
            ps.setObject(2, position == null ? null : position.uidValidity());
            ps.setObject(3, position == null ? null : position.uid());
            ps.setString(4, messageId);
            ps.setObject(5, Timestamps.utc(receivedAt));
            ps.setString(6, abbreviate(sender, 320));
            ps.setString(7, abbreviate(subject, 500));
            ps.setString(8, outcome.name());
            ps.setString(9, abbreviate(reason, 1000));
            ps.setBytes(10, raw);
            ps.setBoolean(11, tooLarge);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void linkTicket(long id, long ticketId) {
        jdbc.update("update inbound_mail set ticket_id = ? where id = ?", ticketId, id);
    }

    /** Mail kept because it could not be read, or read from its headers alone for its size; newest first. */
    List<UnreadableMail> unreadable(int limit) {
        String columns = "select id, mailbox, uid, received_at, sender, subject, reason, ticket_id, too_large"
                + " from inbound_mail where ";
        RowMapper<UnreadableMail> row = (rs, n) -> {
            Long ticketId = (Long) rs.getObject("ticket_id");
            return new UnreadableMail(rs.getLong("id"), rs.getString("mailbox"), (Long) rs.getObject("uid"),
                    Timestamps.instant(rs, "received_at"), rs.getString("sender"), rs.getString("subject"),
                    rs.getString("reason"), rs.getBoolean("too_large"), ticketId == null ? null : TicketKey.of(ticketId));
        };
        // Two index range scans rather than one scan of the whole log.
        List<UnreadableMail> kept = new ArrayList<>(jdbc.query(columns + "outcome = 'UNREADABLE' order by id desc limit ?",
                row, limit));
        kept.addAll(jdbc.query(columns + "too_large and outcome <> 'UNREADABLE' order by id desc limit ?", row, limit));
        kept.sort(Comparator.comparingLong(UnreadableMail::id).reversed());
        return kept.size() <= limit ? kept : kept.subList(0, limit);
    }

    Optional<byte[]> raw(long id) {
        return jdbc.query("select raw from inbound_mail where id = ? and raw is not null", (rs, n) -> rs.getBytes("raw"), id)
                .stream().findFirst();
    }

    static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
