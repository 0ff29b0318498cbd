package io.turnaround.ticket;

import io.turnaround.client.Client;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WaitingOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.turnaround.database.Timestamps.instant;
import static io.turnaround.database.Timestamps.utc;

@Repository
class Tickets {

    private static final String SELECT = "select t.*, c.name as client_name from ticket t left join client c on c.id = t.client_id ";
    private static final RowMapper<Ticket> ROW = Tickets::map;

    private final JdbcTemplate jdbc;

    Tickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Long clientId, NewTicket request, Instant receivedAt, TicketStatus status, Tier tier,
                Integer policyVersion, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into ticket (client_id, sender, subject, body,"
                    + " channel, tier, received_at, status, policy_version, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setObject(1, clientId);
            ps.setString(2, request.from());
            ps.setString(3, request.subject());
            ps.setString(4, request.body());
            ps.setString(5, request.channel().name());
            ps.setString(6, tier == null ? null : tier.name());
            ps.setObject(7, utc(receivedAt));
            ps.setString(8, status.name());
            ps.setObject(9, policyVersion);
            ps.setObject(10, utc(now));
            ps.setObject(11, utc(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Links a ticket waiting for triage to its client; false when it is no longer waiting. */
    boolean linkToClient(long id, Client client, int policyVersion, Instant now) {
        return jdbc.update("update ticket set client_id = ?, tier = ?, status = ?, policy_version = ?, updated_at = ?"
                + " where id = ? and status = ?", client.id(), client.tier().name(), TicketStatus.OPEN.name(),
                policyVersion, utc(now), id, TicketStatus.TRIAGE.name()) == 1;
    }

    /** Back to an open (or still waiting), unassigned ticket whose SLA clock runs again, before its work is decided anew. */
    void reopen(long id, Instant now) {
        jdbc.update("update ticket set status = case when status = 'WAITING' then status else 'OPEN' end, assignee = null,"
                + " sla_stopped_at = null, sla_outcome = null, resolved_at = null, updated_at = ? where id = ?", utc(now), id);
    }

    /**
     * A new SLA clock for a ticket decided anew from a later moment and text (a customer's reply reopening it): the
     * pauses and the wait of the clock before belong to that one, not to this; later re-decisions read these facts.
     */
    void restartClock(long id, Instant from, String body, Instant now) {
        jdbc.update("update ticket set sla_paused_at = null, sla_paused_seconds = 0, waiting_on = null,"
                + " status = case when status = 'WAITING' then 'OPEN' else status end, decided_from = ?,"
                + " decided_body = ?, updated_at = ? where id = ?", utc(from), body, utc(now), id);
    }

    /** The client's decided tickets whose SLA clock still runs: nobody is assigned yet. */
    List<Ticket> withRunningSla(long clientId) {
        return jdbc.query(SELECT + "where t.client_id = ? and " + SlaClock.RUNS_SQL + " order by t.id", ROW, clientId);
    }

    /**
     * The decision of a policy version and its process; {@code dueAt} is the decision's due instant moved by any
     * earlier pauses, {@code requestedCategory} the category staff chose (null if none).
     */
    void recordDecision(long id, long processInstanceId, int policyVersion, Category requestedCategory,
                        Decision decision, Instant dueAt, Instant now) {
        String pauses = decision.getPausesWhileWaitingOn().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        jdbc.update("update ticket set process_instance_id = ?, policy_version = ?, requested_category = ?, tier = ?,"
                        + " category = ?, category_reason = ?, possible_emergency = ?, possible_emergency_seen_by = null,"
                        + " possible_emergency_seen_at = null, route = ?, candidate_group = ?, sla_target = ?,"
                        + " sla_clock = ?, sla_due_at = ?, pauses_while_waiting_on = ?, updated_at = ? where id = ?",
                processInstanceId, policyVersion, requestedCategory == null ? null : requestedCategory.name(),
                decision.getPlan().tier().name(), decision.getCategory().name(),
                decision.getCategoryReason(), decision.isPossibleEmergency(), decision.getRoute().name(),
                decision.getCandidateGroup(), decision.getSlaTarget().toString(), decision.getSlaClock().label(),
                utc(dueAt), pauses, utc(now), id);
        // Every instance the ticket had, not only the last: retention removes the engine's data of each (TicketRetention).
        jdbc.update("insert into ticket_process (process_instance_id, ticket_id) values (?, ?)", processInstanceId, id);
    }

    /** Decided tickets whose SLA clock still runs (nobody assigned yet) on any policy version but this one. */
    List<Ticket> withRunningSlaOffVersion(int policyVersion) {
        return jdbc.query(SELECT + "where " + SlaClock.RUNS_SQL + " and t.policy_version <> ? order by t.id", ROW,
                policyVersion);
    }

    /** The latest tickets a policy decided, newest first. */
    List<Ticket> latestDecided(int limit) {
        return jdbc.query(SELECT + "where t.category is not null and t.client_id is not null order by t.id desc limit ?",
                ROW, limit);
    }

    /** The hosting partner answered: its first answer and its own reference are kept, later ones do not move them. */
    void partnerResponded(long id, String reference, Instant at) {
        jdbc.update("update ticket set partner_reference = coalesce(partner_reference, ?),"
                + " partner_responded_at = coalesce(partner_responded_at, ?), updated_at = ? where id = ?",
                reference, utc(at), utc(at), id);
    }

    /** The ticket waits on someone; false unless it was open or assigned. */
    boolean startWaiting(long id, WaitingOn on, Instant at) {
        return jdbc.update("update ticket set status = 'WAITING', waiting_on = ?, updated_at = ?"
                + " where id = ? and status in ('OPEN', 'ASSIGNED')", on.name(), utc(at), id) == 1;
    }

    /** The wait is over: back to assigned or open; false unless it was waiting. */
    boolean stopWaiting(long id, Instant at) {
        return jdbc.update("update ticket set status = case when assignee is null then 'OPEN' else 'ASSIGNED' end,"
                + " waiting_on = null, updated_at = ? where id = ? and status = 'WAITING'", utc(at), id) == 1;
    }

    void slaPaused(long id, Instant at) {
        jdbc.update("update ticket set sla_paused_at = ?, updated_at = ? where id = ?", utc(at), utc(at), id);
    }

    void slaResumed(long id, Instant dueAt, Duration paused, Instant at) {
        jdbc.update("update ticket set sla_paused_at = null, sla_due_at = ?, sla_paused_seconds = sla_paused_seconds + ?,"
                + " updated_at = ? where id = ?", utc(dueAt), paused.toSeconds(), utc(at), id);
    }

    /** Stops the SLA clock once; returns false if it had already stopped. */
    boolean stopSla(long id, Instant at, String outcome) {
        return jdbc.update("update ticket set sla_stopped_at = ?, sla_outcome = coalesce(sla_outcome, ?), updated_at = ?"
                + " where id = ? and sla_stopped_at is null", utc(at), outcome, utc(at), id) == 1;
    }

    void setPriority(long id, Priority priority, Instant at) {
        jdbc.update("update ticket set priority = ?, updated_at = ? where id = ?", priority.name(), utc(at), id);
    }

    /** The ticket's work moves to another group's queue, unassigned. */
    void moveToGroup(long id, String group, Instant at) {
        jdbc.update("update ticket set candidate_group = ?, assignee = null, status = case when status = 'ASSIGNED'"
                + " then 'OPEN' else status end, updated_at = ? where id = ?", group, utc(at), id);
    }

    /** Marks the SLA breached while nobody is assigned; returns false if it stopped or was already marked. */
    boolean markBreached(long id, Instant at) {
        return jdbc.update("update ticket set sla_outcome = 'BREACHED', updated_at = ?"
                + " where id = ? and sla_stopped_at is null and sla_outcome is null", utc(at), id) == 1;
    }

    void assign(long id, TicketStatus status, String assignee, Instant at) {
        jdbc.update("update ticket set status = ?, assignee = ?, resolved_at = ?, updated_at = ? where id = ?",
                status.name(), assignee, status == TicketStatus.RESOLVED ? utc(at) : null, utc(at), id);
    }

    /** When the ticket was resolved; empty unless it is. */
    Optional<Instant> resolvedAt(long id) {
        return jdbc.query("select resolved_at from ticket where id = ? and status = 'RESOLVED'",
                (rs, n) -> instant(rs, "resolved_at"), id).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The ticket with this key; an unknown or malformed key is a {@link TicketNotFoundException}. */
    Ticket byKey(String key) {
        return find(TicketKey.idOf(key)).orElseThrow(() -> new TicketNotFoundException(key));
    }

    Optional<Ticket> find(long id) {
        return jdbc.query(SELECT + "where t.id = ?", ROW, id).stream().findFirst();
    }

    Optional<Ticket> findByProcessInstance(long processInstanceId) {
        return jdbc.query(SELECT + "where t.process_instance_id = ?", ROW, processInstanceId).stream().findFirst();
    }

    /** The tickets waiting for triage, the longest waiting first. */
    List<Ticket> inTriage(int limit) {
        return jdbc.query(SELECT + "where t.status = 'TRIAGE' order by t.received_at, t.id fetch first " + limit
                + " rows only", ROW);
    }

    int countInTriage() {
        Integer count = jdbc.queryForObject("select count(*) from ticket where status = 'TRIAGE'", Integer.class);
        return count == null ? 0 : count;
    }

    /** The client of the sender's latest ticket that has one. */
    Optional<Long> lastClientOf(String sender) {
        return jdbc.queryForList("select client_id from ticket where sender = ? and client_id is not null"
                + " order by id desc fetch first 1 rows only", Long.class, sender).stream().findFirst();
    }

    List<Ticket> search(TicketStatus status, Route route, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and t.status = ?");
            args.add(status.name());
        }
        if (route != null) {
            sql.append(" and t.route = ?");
            args.add(route.name());
        }
        sql.append(" order by t.id desc fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** Marks the possible emergency as looked at; false if it is none, or someone already did. */
    boolean possibleEmergencySeen(long id, String by, Instant now) {
        return jdbc.update("update ticket set possible_emergency_seen_by = ?, possible_emergency_seen_at = ?,"
                + " updated_at = ? where id = ? and possible_emergency = true and possible_emergency_seen_by is null",
                by, utc(now), utc(now), id) == 1;
    }

    /** Open possible emergencies nobody has looked at yet, the longest waiting first. */
    List<Ticket> possibleEmergenciesToLookAt(int limit) {
        return jdbc.query(SELECT + "where t.possible_emergency = true and t.possible_emergency_seen_by is null"
                + " and t.status <> 'RESOLVED' order by t.received_at, t.id fetch first " + limit + " rows only", ROW);
    }

    private static Ticket map(ResultSet rs, int row) throws SQLException {
        String target = rs.getString("sla_target");
        return new Ticket(rs.getLong("id"), rs.getString("client_name"), rs.getString("sender"), rs.getString("subject"),
                rs.getString("body"), Channel.valueOf(rs.getString("channel")), instant(rs, "received_at"),
                TicketStatus.valueOf(rs.getString("status")), enumOrNull(Tier.class, rs.getString("tier")),
                enumOrNull(Category.class, rs.getString("category")), rs.getString("category_reason"),
                enumOrNull(Route.class, rs.getString("route")), rs.getString("candidate_group"),
                target == null ? null : Duration.parse(target), rs.getString("sla_clock"), instant(rs, "sla_due_at"),
                instant(rs, "sla_stopped_at"), rs.getString("sla_outcome"), rs.getString("assignee"),
                (Integer) rs.getObject("policy_version"), (Long) rs.getObject("process_instance_id"),
                instant(rs, "created_at"), instant(rs, "updated_at"), Priority.valueOf(rs.getString("priority")),
                enumOrNull(WaitingOn.class, rs.getString("waiting_on")), instant(rs, "sla_paused_at"),
                Duration.ofSeconds(rs.getLong("sla_paused_seconds")), waits(rs.getString("pauses_while_waiting_on")),
                enumOrNull(Category.class, rs.getString("requested_category")), rs.getString("partner_reference"),
                instant(rs, "partner_responded_at"), instant(rs, "decided_from"),
                rs.getString("decided_body"), rs.getBoolean("possible_emergency"),
                rs.getString("possible_emergency_seen_by"));
    }

    private static Set<WaitingOn> waits(String names) {
        return names == null || names.isBlank() ? Set.of()
                : Arrays.stream(names.split(",")).map(WaitingOn::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
