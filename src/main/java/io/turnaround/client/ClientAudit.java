package io.turnaround.client;

import io.turnaround.database.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Every change to a client and its contacts: who, when, what, and the value before and after. */
@Repository
public class ClientAudit {

    /** One change; {@code before} is null for something new, {@code after} for something removed. */
    public record Entry(Instant at, String actor, long clientId, String what, String before, String after) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClientAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String actor, long clientId, String what, Object before, Object after) {
        jdbc.update("insert into client_audit (at, actor, client_id, what, old_value, new_value) values (?, ?, ?, ?, ?, ?)",
                Timestamps.utc(clock.instant()), actor, clientId, what, before == null ? null : before.toString(),
                after == null ? null : after.toString());
    }

    /** The latest changes to a client, newest first. */
    public List<Entry> of(long clientId, int limit) {
        return jdbc.query("select * from client_audit where client_id = ? order by id desc limit ?", (rs, n) ->
                new Entry(Timestamps.instant(rs, "at"), rs.getString("actor"), rs.getLong("client_id"),
                        rs.getString("what"), rs.getString("old_value"), rs.getString("new_value")), clientId, limit);
    }
}
