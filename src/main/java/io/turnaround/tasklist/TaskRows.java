package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import io.turnaround.ticket.TicketKey;
import io.turnaround.workflow.TaskChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The task list's read model: a row per human task, written from the engine's task events inside the
 * engine's transaction, so it never disagrees with the engine after a commit.
 */
@Repository
class TaskRows {

    private static final String SELECT = "select k.*, t.id as ticket_id, t.tier, t.category, t.route, t.sla_due_at,"
            + " c.name as client_name from task_list_entry k left join ticket t on t.process_instance_id = k.process_instance_id"
            + " left join client c on c.id = t.client_id ";
    private static final RowMapper<TaskRow> ROW = (rs, n) -> {
        Object ticketId = rs.getObject("ticket_id");
        OffsetDateTime due = rs.getObject("sla_due_at", OffsetDateTime.class);
        return new TaskRow(rs.getLong("task_id"), rs.getString("name"), rs.getString("candidate_group"),
                rs.getString("assignee"), rs.getString("status"),
                ticketId == null ? null : TicketKey.of(((Number) ticketId).longValue()),
                rs.getString("client_name"), rs.getString("tier"), rs.getString("category"), rs.getString("route"),
                due == null ? null : due.toInstant(), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    };
    private static final String OPEN_STATES = "('CREATED', 'READY', 'RESERVED', 'IN_PROGRESS', 'SUSPENDED')";

    private final JdbcTemplate jdbc;

    TaskRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TaskChanged event) {
        OffsetDateTime at = OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC);
        if (event.change() == TaskChanged.Change.CREATED) {
            jdbc.update("insert into task_list_entry (task_id, process_instance_id, name, candidate_group, assignee, status,"
                            + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    event.taskId(), event.processInstanceId(), event.taskName(), event.candidateGroup(),
                    event.assignee(), event.state().name(), at, at);
        } else {
            jdbc.update("update task_list_entry set assignee = ?, status = ?, updated_at = ? where task_id = ?",
                    event.assignee(), event.state().name(), at, event.taskId());
        }
    }

    Optional<TaskRow> find(long taskId) {
        return jdbc.query(SELECT + "where k.task_id = ?", ROW, taskId).stream().findFirst();
    }

    /** Open tasks the viewer may see, soonest due first; filters are optional. */
    List<TaskRow> openFor(Staff viewer, String group, String assignee, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("where k.status in ").append(OPEN_STATES);
        List<Object> args = new ArrayList<>();
        if (!viewer.seesAllQueues()) {
            sql.append(" and (k.assignee = ?");
            args.add(viewer.username());
            if (!viewer.groups().isEmpty()) {
                sql.append(" or k.candidate_group in (").append(String.join(", ", viewer.groups().stream().map(g -> "?").toList()))
                        .append(")");
                args.addAll(viewer.groups());
            }
            sql.append(")");
        }
        if (group != null) {
            sql.append(" and k.candidate_group = ?");
            args.add(group);
        }
        if (assignee != null) {
            sql.append(" and k.assignee = ?");
            args.add(assignee);
        }
        sql.append(" order by t.sla_due_at, k.task_id fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }
}
