package io.turnaround.quote;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.turnaround.database.Timestamps.instant;
import static io.turnaround.database.Timestamps.utc;

/** The quotes. A state changes only from SENT, in one conditional update, so two answers cannot both win. */
@Repository
class Quotes {

    private final JdbcTemplate jdbc;

    Quotes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A priced quote to store, SENT. */
    record NewQuote(long ticketId, long processInstanceId, String description, Duration work, Duration included,
                    Duration billable, BigDecimal hourlyRate, BigDecimal amount, int policyVersion, Instant createdAt,
                    Instant expiresAt) {
    }

    long insert(NewQuote q) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into quote (ticket_id, process_instance_id, state,"
                    + " description, work_minutes, included_minutes, billable_minutes, hourly_rate, amount, policy_version,"
                    + " created_at, expires_at) values (?, ?, 'SENT', ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, q.ticketId());
            ps.setLong(2, q.processInstanceId());
            ps.setString(3, q.description());
            ps.setInt(4, Math.toIntExact(q.work().toMinutes()));
            ps.setInt(5, Math.toIntExact(q.included().toMinutes()));
            ps.setInt(6, Math.toIntExact(q.billable().toMinutes()));
            ps.setBigDecimal(7, q.hourlyRate());
            ps.setBigDecimal(8, q.amount());
            ps.setInt(9, q.policyVersion());
            ps.setObject(10, utc(q.createdAt()));
            ps.setObject(11, utc(q.expiresAt()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    Optional<Quote> find(long id) {
        return jdbc.query("select * from quote where id = ?", Quotes::map, id).stream().findFirst();
    }

    Optional<Quote> byProcessInstance(long processInstanceId) {
        return jdbc.query("select * from quote where process_instance_id = ?", Quotes::map, processInstanceId).stream()
                .findFirst();
    }

    List<Quote> ofTicket(long ticketId) {
        return jdbc.query("select * from quote where ticket_id = ? order by id", Quotes::map, ticketId);
    }

    /** Moves a SENT quote to its final state; false if it was no longer SENT. */
    boolean settle(long id, QuoteState to, Instant at) {
        return jdbc.update("update quote set state = ?, answered_at = ? where id = ? and state = 'SENT'", to.name(),
                utc(at), id) == 1;
    }

    /** Marks the reminder sent; false if the quote no longer waits or was reminded already. */
    boolean reminded(long id, Instant at) {
        return jdbc.update("update quote set reminded_at = ? where id = ? and state = 'SENT' and reminded_at is null",
                utc(at), id) == 1;
    }

    private static Quote map(ResultSet rs, int row) throws SQLException {
        return new Quote(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("process_instance_id"),
                QuoteState.valueOf(rs.getString("state")), rs.getString("description"),
                Duration.ofMinutes(rs.getInt("work_minutes")), Duration.ofMinutes(rs.getInt("included_minutes")),
                Duration.ofMinutes(rs.getInt("billable_minutes")), rs.getBigDecimal("hourly_rate"),
                rs.getBigDecimal("amount"), rs.getInt("policy_version"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "reminded_at"), instant(rs, "answered_at"));
    }
}
