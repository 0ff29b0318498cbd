package io.turnaround.billing;

import io.turnaround.policy.facts.WorkKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.turnaround.database.Timestamps.utc;

/**
 * The time log: entries are added, and a mistaken one is withdrawn (kept, with who withdrew it and why) rather than
 * changed or deleted; balances and statements are computed from the entries that stand.
 */
@Repository
public class TimeLog {

    private final JdbcTemplate jdbc;

    TimeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this quote priced work on this ticket: time is logged against a ticket's own quotes only. */
    boolean isQuoteOf(long quoteId, long ticketId) {
        return jdbc.queryForObject("select count(*) from quote where id = ? and ticket_id = ?", Integer.class, quoteId,
                ticketId) == 1;
    }

    public long add(NewTimeEntry entry, String loggedBy, Instant loggedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into time_entry (client_id, ticket_id, task_id,"
                    + " quote_id, kind, minutes, worked_at, note, logged_by, logged_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, entry.clientId());
            ps.setObject(2, entry.ticketId(), Types.BIGINT);
            ps.setObject(3, entry.taskId(), Types.BIGINT);
            ps.setObject(4, entry.quoteId(), Types.BIGINT);
            ps.setString(5, entry.kind().name());
            ps.setInt(6, Math.toIntExact(entry.work().toMinutes()));
            ps.setObject(7, utc(entry.workedAt()));
            ps.setString(8, entry.note());
            ps.setString(9, loggedBy);
            ps.setObject(10, utc(loggedAt));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** The client's entries worked in [from, to), in the order they were worked. */
    public List<TimeEntry> between(long clientId, Instant from, Instant to) {
        return jdbc.query("select * from time_entry where client_id = ? and worked_at >= ? and worked_at < ?"
                + " and withdrawn_at is null order by worked_at, id", TimeLog::map, clientId, utc(from), utc(to));
    }

    public List<TimeEntry> ofTicket(long ticketId) {
        return jdbc.query("select * from time_entry where ticket_id = ? and withdrawn_at is null"
                + " order by worked_at, id", TimeLog::map, ticketId);
    }

    public List<TimeEntry> ofQuote(long quoteId) {
        return jdbc.query("select * from time_entry where quote_id = ? and withdrawn_at is null"
                + " order by worked_at, id", TimeLog::map, quoteId);
    }

    /** The entry if it stands (is not withdrawn). */
    public Optional<TimeEntry> standing(long id) {
        return jdbc.query("select * from time_entry where id = ? and withdrawn_at is null", TimeLog::map, id)
                .stream().findFirst();
    }

    /** Withdraws a standing entry; false if it was withdrawn meanwhile (by someone else, or a second click). */
    public boolean withdraw(long id, String by, Instant at, String reason) {
        return jdbc.update("update time_entry set withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?"
                + " where id = ? and withdrawn_at is null", utc(at), by, reason, id) == 1;
    }

    private static TimeEntry map(ResultSet rs, int row) throws SQLException {
        return new TimeEntry(rs.getLong("id"), rs.getLong("client_id"), rs.getObject("ticket_id", Long.class),
                rs.getObject("task_id", Long.class), rs.getObject("quote_id", Long.class),
                WorkKind.valueOf(rs.getString("kind")), Duration.ofMinutes(rs.getInt("minutes")),
                rs.getObject("worked_at", OffsetDateTime.class).toInstant(), rs.getString("note"),
                rs.getString("logged_by"), rs.getObject("logged_at", OffsetDateTime.class).toInstant());
    }
}
