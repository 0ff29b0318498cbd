package io.turnaround.ticket;

import io.turnaround.database.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The append-only ticket history: rows are inserted, never updated or deleted. */
@Repository
class TicketHistory {

    private final JdbcTemplate jdbc;

    TicketHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(long ticketId, Instant at, String actor, HistoryEvent event, String detail) {
        jdbc.update("insert into ticket_history (ticket_id, at, actor, event, detail) values (?, ?, ?, ?, ?)",
                ticketId, Timestamps.utc(at), actor, event.name(), detail);
    }

    boolean has(long ticketId, HistoryEvent event) {
        Integer lines = jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ? and event = ?",
                Integer.class, ticketId, event.name());
        return lines != null && lines > 0;
    }

    List<HistoryEntry> of(long ticketId) {
        return jdbc.query("select at, actor, event, detail from ticket_history where ticket_id = ? order by id",
                (rs, n) -> entry(rs), ticketId);
    }

    /** The ticket's lines of these events only, oldest first. */
    List<HistoryEntry> of(long ticketId, Collection<HistoryEvent> events) {
        List<Object> args = new ArrayList<>();
        args.add(ticketId);
        events.forEach(event -> args.add(event.name()));
        return jdbc.query("select at, actor, event, detail from ticket_history where ticket_id = ? and event in ("
                        + String.join(", ", Collections.nCopies(events.size(), "?")) + ") order by id",
                (rs, n) -> entry(rs), args.toArray());
    }

    private static HistoryEntry entry(ResultSet rs) throws SQLException {
        return new HistoryEntry(Timestamps.instant(rs, "at"), rs.getString("actor"), rs.getString("event"),
                rs.getString("detail"));
    }
}
