package io.turnaround.ticket;

import io.turnaround.database.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.turnaround.database.Timestamps.instant;
import static io.turnaround.database.Timestamps.utc;

/**
 * Writes every ticket's promises ({@code ticket_promise}) anew from the tickets' history, in one transaction: after
 * an upgrade from a version that kept none, or whenever the reports are in doubt. Tickets are read a chunk at a time.
 */
@Service
public class PromiseRebuild {

    private static final Logger log = LoggerFactory.getLogger(PromiseRebuild.class);
    private static final int CHUNK = 1000;
    private static final int INSTANT = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final String EVENTS = "'DECIDED', 'REOPENED', 'WAITING', 'WAITING_ENDED', 'SLA_STOPPED',"
            + " 'SLA_BREACHED', 'REPLY_QUEUED', 'TASK_COMPLETED'";

    /** The columns' types, so that a null is bound without asking the database what it would be. */
    private static final int[] TYPES = {Types.BIGINT, INSTANT, INSTANT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, INSTANT, Types.VARCHAR, INSTANT,
            INSTANT, Types.VARCHAR, Types.BIGINT, INSTANT, Types.BOOLEAN, Types.BIGINT, INSTANT, INSTANT};

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PromiseRebuild(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How many tickets were read and promises written, and how long it took. */
    public record Rebuilt(int tickets, int promises, Duration took) {
    }

    /**
     * Rebuilds them all. On PostgreSQL, promises cannot be written meanwhile: a ticket decided or assigned while this
     * runs waits for it. (H2 has no table locks; it runs the single-node demo.)
     */
    @Transactional
    public Rebuilt rebuild() {
        Instant started = clock.instant();
        if (Dialect.isPostgres(jdbc)) {
            jdbc.execute("lock table ticket_promise in share row exclusive mode");
        }
        jdbc.update("delete from ticket_promise");
        int tickets = 0;
        int promises = 0;
        long after = 0;
        while (true) {
            List<PromiseReplay.TicketFacts> chunk = jdbc.query("select id, client_id, tier, received_at, case when status = 'RESOLVED' then resolved_at end"
                    + " as resolved_at from ticket where id > ? and policy_version is not null and client_id is not null"
                    + " order by id fetch first " + CHUNK + " rows only", (rs, n) -> new PromiseReplay.TicketFacts(
                            rs.getLong("id"), (Long) rs.getObject("client_id"), rs.getString("tier"),
                            instant(rs, "received_at"), instant(rs, "resolved_at")), after);
            if (chunk.isEmpty()) {
                break;
            }
            long first = chunk.get(0).id();
            after = chunk.get(chunk.size() - 1).id();
            Map<Long, List<HistoryEntry>> lines = new LinkedHashMap<>();
            jdbc.query("select ticket_id, at, actor, event, detail from ticket_history where ticket_id between ? and ?"
                    + " and event in (" + EVENTS + ") order by ticket_id, id", rs -> {
                        lines.computeIfAbsent(rs.getLong("ticket_id"), id -> new ArrayList<>()).add(new HistoryEntry(
                                instant(rs, "at"), rs.getString("actor"), rs.getString("event"), rs.getString("detail")));
                    }, first, after);
            List<Object[]> rows = new ArrayList<>();
            for (PromiseReplay.TicketFacts ticket : chunk) {
                for (PromiseReplay.Promise p : PromiseReplay.of(ticket, lines.getOrDefault(ticket.id(), List.of()))) {
                    rows.add(new Object[] {ticket.id(), utc(p.clockFrom), utc(p.nextClockFrom), ticket.clientId(),
                            p.tier, p.category, p.route, p.group, p.policyVersion, p.target.toString(), p.clock,
                            utc(p.dueAt), p.outcome, utc(p.breachedAt), utc(p.stoppedAt), p.assignee,
                            p.ranOnItsClock == null ? null : p.ranOnItsClock.toSeconds(), utc(p.pausedAt), p.paused,
                            p.pausedTotal.toSeconds(), utc(p.firstResponseAt), utc(p.resolvedAt)});
                }
            }
            jdbc.batchUpdate("insert into ticket_promise (ticket_id, clock_from, next_clock_from, client_id, tier, category,"
                    + " route, candidate_group, policy_version, sla_target, sla_clock, due_at, outcome, breached_at,"
                    + " stopped_at, assignee, assign_clock_seconds, paused_at, paused, paused_seconds, first_response_at,"
                    + " resolved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, TYPES);
            tickets += chunk.size();
            promises += rows.size();
        }
        Rebuilt rebuilt = new Rebuilt(tickets, promises, Duration.between(started, clock.instant()));
        log.info("Promises rebuilt from the history: {} tickets, {} promises, in {}", tickets, promises, rebuilt.took());
        return rebuilt;
    }
}
