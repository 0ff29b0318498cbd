package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import io.turnaround.ticket.TicketKey;
import io.turnaround.workflow.TaskChanged;
import io.turnaround.workflow.TaskObserver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.turnaround.database.Timestamps.instant;
import static io.turnaround.database.Timestamps.utc;

/**
 * The task list's read model: a row per human task, written from the engine's task events inside the
 * engine's transaction, so it never disagrees with the engine after a commit.
 */
@Repository
class TaskRows implements TaskObserver {

    private static final String FROM = " from task_list_entry k left join ticket t on t.process_instance_id ="
            + " k.process_instance_id left join client c on c.id = t.client_id ";
    private static final String SELECT = "select k.*, t.id as ticket_id, t.tier, t.category, t.route, t.received_at,"
            + " t.sla_target, t.sla_due_at, t.sla_outcome, t.sla_paused_at, t.possible_emergency,"
            + " t.possible_emergency_seen_by, c.name as client_name" + FROM;
    private static final RowMapper<TaskRow> ROW = (rs, n) -> {
        Object ticketId = rs.getObject("ticket_id");
        String target = rs.getString("sla_target");
        return new TaskRow(rs.getLong("task_id"), rs.getString("name"), rs.getString("candidate_group"),
                rs.getString("assignee"), rs.getString("status"),
                ticketId == null ? null : TicketKey.of(((Number) ticketId).longValue()),
                rs.getString("client_name"), rs.getString("tier"), rs.getString("category"),
                rs.getBoolean("possible_emergency") && rs.getString("possible_emergency_seen_by") == null,
                rs.getString("route"), instant(rs, "received_at"), target == null ? null : Duration.parse(target), instant(rs, "sla_due_at"),
                rs.getString("sla_outcome"), instant(rs, "sla_paused_at"), instant(rs, "created_at"));
    };
    private static final String OPEN_STATES = "('CREATED', 'READY', 'RESERVED', 'IN_PROGRESS', 'SUSPENDED')";

    private final JdbcTemplate jdbc;

    TaskRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void taskChanged(TaskChanged event) {
        OffsetDateTime at = utc(event.at());
        if (event.change() == TaskChanged.Change.CREATED) {
            jdbc.update("insert into task_list_entry (task_id, process_instance_id, name, candidate_group, assignee, status,"
                            + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    event.taskId(), event.processInstanceId(), event.taskName(), event.candidateGroup(),
                    event.assignee(), event.state().name(), at, at);
        } else {
            // A forwarded task has a new group; other changes keep it.
            jdbc.update("update task_list_entry set previous_group = candidate_group, previous_assignee = assignee,"
                    + " assignee = ?, status = ?, candidate_group = coalesce(?, candidate_group), updated_at = ?"
                    + " where task_id = ?", event.assignee(), event.state().name(),
                    event.change() == TaskChanged.Change.FORWARDED ? event.candidateGroup() : null, at, event.taskId());
        }
    }

    @Override
    public void tasksRemoved(Collection<Long> taskIds) {
        if (!taskIds.isEmpty()) {
            jdbc.update("delete from task_list_entry where task_id in ("
                    + String.join(", ", taskIds.stream().map(id -> "?").toList()) + ")", taskIds.toArray());
        }
    }

    /**
     * What changes whenever a task is created or changes hands or state, on any node: the latest change and the
     * newest task (both read from an index).
     */
    Mark lastChange() {
        return jdbc.queryForObject("select max(updated_at) as at, max(task_id) as newest from task_list_entry",
                (rs, n) -> new Mark(instant(rs, "at"), rs.getLong("newest")));
    }

    /** The tasks changed at or after this instant, with whom each change concerns. */
    List<Touch> touchedSince(Instant from) {
        return jdbc.query("select updated_at, candidate_group, previous_group, assignee, previous_assignee"
                + " from task_list_entry where updated_at >= ?", (rs, n) -> new Touch(instant(rs, "updated_at"),
                present(rs.getString("candidate_group"), rs.getString("previous_group")),
                present(rs.getString("assignee"), rs.getString("previous_assignee"))), utc(from));
    }

    /**
     * A moment of the task list: its latest change (null before the first task, written "none") and its newest
     * task. A page is rendered with one, as text, and its event stream starts from it.
     */
    record Mark(Instant at, long newestTask) {

        String text() {
            return at == null ? "none" : at + " " + newestTask;
        }

        /** The mark a page sent back, or empty when it is none a server wrote. */
        static Optional<Mark> parse(String text) {
            if ("none".equals(text)) {
                return Optional.of(new Mark(null, 0));
            }
            String[] parts = text == null ? new String[0] : text.split(" ");
            try {
                return parts.length == 2 ? Optional.of(new Mark(Instant.parse(parts[0]), Long.parseLong(parts[1])))
                        : Optional.empty();
            } catch (DateTimeParseException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** A changed task: when, its group and holder now and before the change. */
    record Touch(Instant at, Set<String> groups, Set<String> people) {
    }

    private static Set<String> present(String now, String before) {
        return Stream.of(now, before).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    Optional<TaskRow> find(long taskId) {
        return jdbc.query(SELECT + "where k.task_id = ?", ROW, taskId).stream().findFirst();
    }

    /** Open tasks the viewer may see, soonest due first; filters are optional. */
    List<TaskRow> openFor(Staff viewer, String group, String assignee, int limit) {
        Where where = visibleTo(viewer).and("k.candidate_group = ?", group).and("k.assignee = ?", assignee);
        return jdbc.query(SELECT + where.sql + " order by t.sla_due_at, k.task_id fetch first " + limit + " rows only",
                ROW, where.args.toArray());
    }

    /** A page of the open tasks the viewer may see, narrowed by the query, soonest due first. */
    TaskPage page(Staff viewer, TaskQuery query) {
        Where where = visibleTo(viewer)
                .and("k.candidate_group = ?", query.group())
                .and("t.tier = ?", query.tier())
                .and("t.route = ?", query.route())
                .and("k.status = ?", query.state());
        switch (query.scope()) {
            case MINE -> where.and("k.assignee = ?", viewer.username());
            case QUEUE -> where.and("k.assignee is null").andIn("k.candidate_group", viewer.groups());
            case ALL -> {
            }
        }
        long total = jdbc.queryForObject("select count(*)" + FROM + where.sql, Long.class, where.args.toArray());
        List<TaskRow> rows = jdbc.query(SELECT + where.sql + " order by t.sla_due_at, k.task_id offset "
                + (long) query.page() * TaskQuery.PAGE_SIZE + " rows fetch next " + TaskQuery.PAGE_SIZE + " rows only",
                ROW, where.args.toArray());
        return new TaskPage(rows, total, query.page(), TaskQuery.PAGE_SIZE);
    }

    /** Open tasks that are not their ticket's work task: the escalations, soonest due first. */
    List<TaskRow> openEscalations(int limit) {
        return jdbc.query(SELECT + "where k.status in " + OPEN_STATES + " and t.candidate_group <> k.candidate_group"
                + " order by t.sla_due_at, k.task_id fetch first " + limit + " rows only", ROW);
    }

    /** Open work tasks nobody holds yet, soonest due first: where a breach is or is coming. */
    List<TaskRow> unassignedWork(int limit) {
        return jdbc.query(SELECT + "where k.status in " + OPEN_STATES + " and k.assignee is null"
                + " and t.candidate_group = k.candidate_group order by t.sla_due_at, k.task_id fetch first "
                + limit + " rows only", ROW);
    }

    /** Open tasks counted by candidate group (empty for none) and state, for the metrics. */
    Map<List<String>, Long> openByGroupAndState() {
        Map<List<String>, Long> counts = new HashMap<>();
        jdbc.query("select coalesce(candidate_group, '') as grp, status, count(*) as tasks from task_list_entry"
                + " where status in " + OPEN_STATES + " group by candidate_group, status", rs -> {
            counts.put(List.of(rs.getString("grp"), rs.getString("status")), rs.getLong("tasks"));
        });
        return counts;
    }

    /** Every group that has open tasks, for a manager's filter. */
    List<String> groups() {
        return jdbc.queryForList("select distinct candidate_group from task_list_entry where status in " + OPEN_STATES
                + " and candidate_group is not null order by candidate_group", String.class);
    }

    /** The open tasks of one ticket, for its page. */
    List<TaskRow> openOfTicket(long ticketId) {
        return jdbc.query(SELECT + "where k.status in " + OPEN_STATES + " and t.id = ? order by k.task_id", ROW, ticketId);
    }

    /** Open tasks; for anyone but managers and admins only their own and their groups'. */
    private static Where visibleTo(Staff viewer) {
        Where where = new Where("where k.status in " + OPEN_STATES);
        if (!viewer.seesAllQueues()) {
            where.sql.append(" and (k.assignee = ?");
            where.args.add(viewer.username());
            if (!viewer.groups().isEmpty()) {
                where.sql.append(" or k.candidate_group in (")
                        .append(String.join(", ", viewer.groups().stream().map(g -> "?").toList())).append(")");
                where.args.addAll(viewer.groups());
            }
            where.sql.append(")");
        }
        return where;
    }

    /** A where clause and its arguments; a condition whose value is null is left out. */
    private static final class Where {
        private final StringBuilder sql;
        private final List<Object> args = new ArrayList<>();

        Where(String start) {
            this.sql = new StringBuilder(" ").append(start);
        }

        Where and(String condition) {
            sql.append(" and ").append(condition);
            return this;
        }

        Where and(String condition, Object value) {
            if (value != null) {
                sql.append(" and ").append(condition);
                args.add(value);
            }
            return this;
        }

        Where andIn(String column, Collection<String> values) {
            if (values.isEmpty()) {
                sql.append(" and 1 = 0");
                return this;
            }
            sql.append(" and ").append(column).append(" in (")
                    .append(String.join(", ", values.stream().map(v -> "?").toList())).append(")");
            args.addAll(values);
            return this;
        }
    }
}
