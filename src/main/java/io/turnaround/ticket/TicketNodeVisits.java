package io.turnaround.ticket;

import io.turnaround.workflow.NodeVisit;
import io.turnaround.workflow.NodeVisitObserver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

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

    private final JdbcTemplate jdbc;

    TicketNodeVisits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void nodesVisited(List<NodeVisit> visits) {
        List<Object[]> entered = new ArrayList<>();
        List<Object[]> left = new ArrayList<>();
        for (NodeVisit visit : visits) {
            if (visit.enteredAt() != null) {
                entered.add(new Object[] {visit.processInstanceId(), visit.nodeInstanceId(), visit.processId(),
                        visit.nodeId(), utc(visit.enteredAt()), utc(visit.leftAt()), visit.waits(),
                        utc(visit.timerDueAt()), TicketKey.idOf(visit.ticketKey())});
            } else if (visit.leftAt() != null) {
                left.add(new Object[] {utc(visit.leftAt()), visit.processInstanceId(), visit.nodeInstanceId()});
            }
        }
        // Only for a ticket that exists: a process started without one (an engine test) has nothing to show.
        if (!entered.isEmpty()) {
            jdbc.batchUpdate("insert into ticket_node_visit (process_instance_id, node_instance_id, ticket_id, process_id,"
                    + " node_id, entered_at, left_at, waited, timer_due_at) select ?, ?, id, ?, ?, ?, ?, ?, ?"
                    + " from ticket where id = ?", entered);
        }
        if (!left.isEmpty()) {
            jdbc.batchUpdate("update ticket_node_visit set left_at = ? where process_instance_id = ?"
                    + " and node_instance_id = ? and left_at is null", left);
        }
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
