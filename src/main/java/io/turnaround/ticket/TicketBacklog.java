package io.turnaround.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.turnaround.database.Timestamps.instant;

/** The open tickets as the backlog report reads them: when each came in, its group, its SLA promise and standing. */
@Repository
public class TicketBacklog {

    /** An open ticket: {@code slaTarget} and {@code slaDueAt} are null until the policy has decided it. */
    public record OpenTicket(Instant receivedAt, String candidateGroup, Duration slaTarget, Instant slaDueAt,
                             String slaOutcome, Instant slaPausedAt) {
    }

    private final JdbcTemplate jdbc;

    TicketBacklog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<OpenTicket> open() {
        return jdbc.query("select received_at, candidate_group, sla_target, sla_due_at, sla_outcome, sla_paused_at"
                        + " from ticket where status <> 'RESOLVED'",
                (rs, n) -> new OpenTicket(instant(rs, "received_at"), rs.getString("candidate_group"),
                        rs.getString("sla_target") == null ? null : Duration.parse(rs.getString("sla_target")),
                        instant(rs, "sla_due_at"), rs.getString("sla_outcome"), instant(rs, "sla_paused_at")));
    }
}
