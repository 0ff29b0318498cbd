package io.turnaround.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** The append-only ticket history: rows are inserted, never updated or deleted. */
@Repository
class TicketHistory {

    private final JdbcTemplate jdbc;

    TicketHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(long ticketId, Instant at, String actor, String event, String detail) {
        jdbc.update("insert into ticket_history (ticket_id, at, actor, event, detail) values (?, ?, ?, ?, ?)",
                ticketId, Tickets.utc(at), actor, event, detail);
    }

    boolean has(long ticketId, String event) {
        Integer lines = jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ? and event = ?",
                Integer.class, ticketId, event);
        return lines != null && lines > 0;
    }

    List<HistoryEntry> of(long ticketId) {
        return jdbc.query("select at, actor, event, detail from ticket_history where ticket_id = ? order by id",
                (rs, n) -> new HistoryEntry(Tickets.instant(rs, "at"), rs.getString("actor"), rs.getString("event"),
                        rs.getString("detail")),
                ticketId);
    }
}
