package io.turnaround.workflow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes what the engine keeps of process instances that have ended: their audit and log rows, and their finished
 * human tasks with every row that hangs off a task (names, people, content, deadlines...). Instances that still run
 * are left alone. Each call works in the caller's transaction; the caller keeps batches small.
 */
@Component
public class EngineRetention {

    /** Task states after which nobody acts on a task again. */
    private static final String FINISHED = "('Completed', 'Exited', 'Obsolete', 'Failed', 'Error')";
    /** The engine's audit and log tables, each keyed by the process instance it describes. */
    private static final List<String> LOGS = List.of("NodeInstanceLog", "VariableInstanceLog", "AuditTaskImpl",
            "TaskEvent", "BAMTaskSummary", "TaskVariableImpl");
    /** The tables holding a task's people, keyed by {@code task_id}. */
    private static final List<String> PEOPLE = List.of("PeopleAssignments_BAs", "PeopleAssignments_ExclOwners",
            "PeopleAssignments_PotOwners", "PeopleAssignments_Recipients", "PeopleAssignments_Stakeholders",
            "Delegation_delegates");

    /** What one call removed: the instances it dealt with (those that had ended) and the rows it deleted. */
    public record Removed(Set<Long> processInstances, int rows) {
    }

    private final JdbcTemplate jdbc;
    private final List<TaskObserver> observers;

    EngineRetention(JdbcTemplate jdbc, List<TaskObserver> observers) {
        this.jdbc = jdbc;
        this.observers = observers;
    }

    /** Deletes the audit and log rows of those instances that have ended, and of the sub-processes they called. */
    public Removed removeLogs(Collection<Long> processInstanceIds) {
        Set<Long> ended = ended(processInstanceIds);
        if (ended.isEmpty()) {
            return new Removed(ended, 0);
        }
        List<Long> family = withSubProcesses(ended);
        int rows = 0;
        for (String table : LOGS) {
            rows += delete(table, "processInstanceId", family);
        }
        rows += delete("ExecutionErrorInfo", "PROCESS_INST_ID", family);
        rows += delete("ProcessInstanceLog", "processInstanceId", family);
        return new Removed(ended, rows);
    }

    /** Deletes the finished tasks of those instances that have ended (and of their sub-processes), with all they hold. */
    public Removed removeFinishedTasks(Collection<Long> processInstanceIds) {
        Set<Long> ended = ended(processInstanceIds);
        if (ended.isEmpty()) {
            return new Removed(ended, 0);
        }
        List<Long> family = withSubProcesses(ended);
        List<long[]> tasks = jdbc.query("select id, documentContentId, outputContentId, faultContentId from Task"
                        + " where status in " + FINISHED + " and processInstanceId in " + in(family),
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, family.toArray());
        if (tasks.isEmpty()) {
            return new Removed(ended, 0);
        }
        List<Long> taskIds = tasks.stream().map(t -> t[0]).toList();
        Set<Long> contents = new LinkedHashSet<>();
        tasks.forEach(t -> {
            for (int i = 1; i < t.length; i++) {
                contents.add(t[i]);
            }
        });
        contents.addAll(select("select attachmentContentId from Attachment where TaskData_Attachments_Id in ", taskIds));
        contents.removeIf(id -> id <= 0);

        int rows = removeDeadlines(taskIds);
        rows += jdbc.update("delete from I18NText where Task_Subjects_Id in " + in(taskIds) + " or Task_Names_Id in "
                + in(taskIds) + " or Task_Descriptions_Id in " + in(taskIds), thrice(taskIds));
        for (String table : PEOPLE) {
            rows += delete(table, "task_id", taskIds);
        }
        rows += delete("task_comment", "TaskData_Comments_Id", taskIds);
        rows += delete("Attachment", "TaskData_Attachments_Id", taskIds);
        rows += delete("Content", "id", new ArrayList<>(contents));
        rows += delete("Task", "id", taskIds);
        observers.forEach(observer -> observer.tasksRemoved(taskIds));
        return new Removed(ended, rows);
    }

    /** A task's deadlines and what hangs off them: escalations, their notifications and reassignments. */
    private int removeDeadlines(List<Long> taskIds) {
        Set<Long> found = new LinkedHashSet<>(select("select id from Deadline where Deadlines_StartDeadLine_Id in ", taskIds));
        found.addAll(select("select id from Deadline where Deadlines_EndDeadLine_Id in ", taskIds));
        List<Long> deadlines = new ArrayList<>(found);
        if (deadlines.isEmpty()) {
            return 0;
        }
        List<Long> escalations = select("select id from Escalation where Deadline_Escalation_Id in ", deadlines);
        int rows = 0;
        if (!escalations.isEmpty()) {
            List<Long> notifications = select("select id from Notification where Escalation_Notifications_Id in ",
                    escalations);
            if (!notifications.isEmpty()) {
                List<Long> headers = select("select emailHeaders_id from Notification_email_header where Notification_id in ",
                        notifications);
                rows += jdbc.update("delete from I18NText where Notification_Subjects_Id in " + in(notifications)
                        + " or Notification_Names_Id in " + in(notifications) + " or Notification_Documentation_Id in "
                        + in(notifications) + " or Notification_Descriptions_Id in " + in(notifications),
                        times(notifications, 4));
                rows += delete("Notification_BAs", "task_id", notifications);
                rows += delete("Notification_Recipients", "task_id", notifications);
                rows += delete("Notification_email_header", "Notification_id", notifications);
                rows += delete("email_header", "id", headers);
                rows += delete("Notification", "id", notifications);
            }
            List<Long> reassignments = select("select id from Reassignment where Escalation_Reassignments_Id in ",
                    escalations);
            rows += delete("I18NText", "Reassignment_Documentation_Id", reassignments);
            rows += delete("Reassignment_potentialOwners", "task_id", reassignments);
            rows += delete("Reassignment", "id", reassignments);
            rows += delete("BooleanExpression", "Escalation_Constraints_Id", escalations);
            rows += delete("Escalation", "id", escalations);
        }
        rows += delete("I18NText", "Deadline_Documentation_Id", deadlines);
        rows += delete("Deadline", "id", deadlines);
        return rows;
    }

    /** Those of the instances the engine no longer holds: they completed or were aborted. */
    private Set<Long> ended(Collection<Long> processInstanceIds) {
        Set<Long> ended = new LinkedHashSet<>(processInstanceIds);
        if (!ended.isEmpty()) {
            ended.removeAll(select("select InstanceId from ProcessInstanceInfo where InstanceId in ",
                    new ArrayList<>(processInstanceIds)));
        }
        return ended;
    }

    /** The instances and the sub-processes they called, as far as the process log records them. */
    private List<Long> withSubProcesses(Collection<Long> processInstanceIds) {
        Set<Long> family = new LinkedHashSet<>(processInstanceIds);
        List<Long> parents = new ArrayList<>(processInstanceIds);
        while (!parents.isEmpty()) {
            List<Long> children = select("select processInstanceId from ProcessInstanceLog where parentProcessInstanceId in ",
                    parents);
            children.removeAll(family);
            family.addAll(children);
            parents = children;
        }
        return new ArrayList<>(family);
    }

    private int delete(String table, String column, List<Long> ids) {
        return ids.isEmpty() ? 0 : jdbc.update("delete from " + table + " where " + column + " in " + in(ids), ids.toArray());
    }

    /** The first column of the query, which ends in {@code in} and is completed with the ids. */
    private List<Long> select(String sqlEndingInIn, List<Long> ids) {
        return new ArrayList<>(jdbc.queryForList(sqlEndingInIn + in(ids), Long.class, ids.toArray()));
    }

    private static String in(Collection<?> values) {
        return "(" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
    }

    private static Object[] thrice(List<Long> ids) {
        return times(ids, 3);
    }

    private static Object[] times(List<Long> ids, int times) {
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            args.addAll(ids);
        }
        return args.toArray();
    }
}
