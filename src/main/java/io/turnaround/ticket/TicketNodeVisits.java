package io.turnaround.ticket;

import io.turnaround.workflow.NodeVisit;
import io.turnaround.workflow.NodeVisitObserver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.turnaround.database.Timestamps.instant;
import static io.turnaround.database.Timestamps.utc;

/**
 * Where tickets' processes are and have been, node by node (the live diagrams): kept from the engine's
 * {@link NodeVisit}s, in its transaction, and read with the tickets' SLA standing.
 */
@Repository
public class TicketNodeVisits implements NodeVisitObserver {

    /** The ticket page's own condition for a breached SLA (TaskRow.slaStanding): breached, or due and not paused. */
    private static final String BREACHED = "(t.sla_outcome = 'BREACHED'"
            + " or (t.sla_outcome is null and t.sla_paused_at is null and t.sla_due_at <= ?))";

    /** The most stays one statement inserts (a bulk action moves many processes in one transaction). */
    private static final int MAX_ROWS = 100;

    private final JdbcTemplate jdbc;

    TicketNodeVisits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void nodesVisited(List<NodeVisit> visits) {
        List<NodeVisit> entered = visits.stream().filter(visit -> visit.enteredAt() != null).toList();
        for (int from = 0; from < entered.size(); from += MAX_ROWS) {
            insert(entered.subList(from, Math.min(entered.size(), from + MAX_ROWS)));
        }
        List<Object[]> left = visits.stream().filter(visit -> visit.enteredAt() == null && visit.leftAt() != null)
                .map(visit -> new Object[] {utc(visit.leftAt()), visit.processInstanceId(), visit.nodeInstanceId()})
                .toList();
        if (!left.isEmpty()) {
            jdbc.batchUpdate("update ticket_node_visit set left_at = ? where process_instance_id = ?"
                    + " and node_instance_id = ? and left_at is null", left);
        }
    }

    /**
     * One statement for a transaction's new stays (a ticket's start enters a dozen nodes), each only for a ticket that
     * exists: a process started without one (an engine test) has nothing to show.
     */
    private void insert(List<NodeVisit> visits) {
        StringBuilder sql = new StringBuilder("insert into ticket_node_visit (process_instance_id, node_instance_id,"
                + " ticket_id, process_id, node_id, entered_at, left_at, waited, timer_due_at) select v.p, v.n, t.id,"
                + " v.process_id, v.node_id, v.entered_at, v.left_at, v.waited, v.due from (values ");
        List<Object> args = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (NodeVisit visit : visits) {
            // The instants cast: in a VALUES list a null would otherwise be text.
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, cast(? as timestamp with time zone),"
                    + " cast(? as timestamp with time zone), ?, cast(? as timestamp with time zone))");
            add(args, types, visit.processInstanceId(), Types.BIGINT);
            add(args, types, visit.nodeInstanceId(), Types.BIGINT);
            add(args, types, TicketKey.idOf(visit.ticketKey()), Types.BIGINT);
            add(args, types, visit.processId(), Types.VARCHAR);
            add(args, types, visit.nodeId(), Types.VARCHAR);
            add(args, types, utc(visit.enteredAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            add(args, types, utc(visit.leftAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            add(args, types, visit.waits(), Types.BOOLEAN);
            add(args, types, utc(visit.timerDueAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        sql.append(") as v (p, n, ticket_id, process_id, node_id, entered_at, left_at, waited, due)"
                + " join ticket t on t.id = v.ticket_id");
        jdbc.update(sql.toString(), args.toArray(), types.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void add(List<Object> args, List<Integer> types, Object value, int type) {
        args.add(value);
        types.add(type);
    }

    /** Each node of the process where open tickets wait now, with how many, and how many are breached at {@code now}. */
    public List<NodeCount> openAt(String processId, Instant now) {
        return jdbc.query("select v.node_id, count(*) as open, count(case when " + BREACHED + " then 1 end) as breached"
                        + " from ticket_node_visit v join ticket t on t.id = v.ticket_id where v.process_id = ?"
                        + " and v.left_at is null and t.status <> 'RESOLVED' group by v.node_id order by v.node_id",
                (rs, n) -> new NodeCount(rs.getString("node_id"), rs.getInt("open"), rs.getInt("breached")),
                utc(now), processId);
    }

    /** Each node of the process where stays (waits, not steps passed through) ended since then: how many, the median. */
    public List<NodeStays> staysEnded(String processId, Instant since) {
        return jdbc.query("select node_id, count(*) as ended, percentile_cont(0.5) within group"
                        + " (order by extract(epoch from left_at) - extract(epoch from entered_at)) as median"
                        + " from ticket_node_visit where process_id = ? and waited and left_at >= ? group by node_id"
                        + " order by node_id",
                (rs, n) -> new NodeStays(rs.getString("node_id"), rs.getInt("ended"),
                        Duration.ofMillis(Math.round(rs.getDouble("median") * 1000))),
                processId, utc(since));
    }

    /** The open tickets at that node now, the longest there first (at most {@code limit}). */
    public List<TicketAtNode> ticketsAt(String processId, String nodeId, Instant now, int limit) {
        return jdbc.query("select t.id, t.subject, t.tier, t.candidate_group, t.assignee, t.sla_due_at,"
                        + " min(v.entered_at) as since, max(case when " + BREACHED + " then 1 else 0 end) as breached"
                        + " from ticket_node_visit v join ticket t on t.id = v.ticket_id where v.process_id = ?"
                        + " and v.node_id = ? and v.left_at is null and t.status <> 'RESOLVED'"
                        + " group by t.id, t.subject, t.tier, t.candidate_group, t.assignee, t.sla_due_at"
                        + " order by since, t.id fetch first " + limit + " rows only",
                (rs, n) -> new TicketAtNode(TicketKey.of(rs.getLong("id")), rs.getString("subject"), rs.getString("tier"),
                        rs.getString("candidate_group"), rs.getString("assignee"), instant(rs, "since"),
                        instant(rs, "sla_due_at"), rs.getInt("breached") == 1),
                utc(now), processId, nodeId);
    }

    /** Every stay of the ticket's processes (its current one and any it called), in the order they began. */
    public List<NodeStay> staysOf(long ticketId) {
        return jdbc.query("select process_instance_id, process_id, node_id, entered_at, left_at, timer_due_at"
                        + " from ticket_node_visit where ticket_id = ? order by entered_at, process_instance_id,"
                        + " node_instance_id",
                (rs, n) -> new NodeStay(rs.getLong("process_instance_id"), rs.getString("process_id"),
                        rs.getString("node_id"), instant(rs, "entered_at"), instant(rs, "left_at"),
                        instant(rs, "timer_due_at")), ticketId);
    }
}
