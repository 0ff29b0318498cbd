package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import io.turnaround.staff.StaffDirectory;
import io.turnaround.workflow.QuoteWorkflow;
import io.turnaround.workflow.TaskActionRefusedException;
import io.turnaround.workflow.TaskNotFoundException;
import io.turnaround.workflow.Workflow;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a person may do with a task, for the REST API and the pages alike: see it and act on it only if it is
 * theirs or their group's (managers and admins: any), and complete it only once they hold it.
 */
@Service
class TaskActions {

    private final TaskRows rows;
    private final Workflow workflow;
    private final QuoteWorkflow quotes;
    private final StaffDirectory directory;

    TaskActions(TaskRows rows, Workflow workflow, QuoteWorkflow quotes, StaffDirectory directory) {
        this.rows = rows;
        this.workflow = workflow;
        this.quotes = quotes;
        this.directory = directory;
    }

    /** The task, if this person may see it; a task of another group is forbidden, not hidden. */
    TaskRow visible(long id, Staff staff) {
        TaskRow task = rows.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        if (!mayAct(task, staff)) {
            throw new TaskActionRefusedException("task " + id + " belongs to group " + task.candidateGroup()
                    + ", which you are not a member of", true);
        }
        return task;
    }

    /** Their own task, their group's, or any task for managers and admins. */
    boolean mayAct(TaskRow task, Staff staff) {
        return staff.seesAllQueues() || staff.username().equals(task.assignee())
                || staff.groups().contains(task.candidateGroup());
    }

    TaskRow claim(long id, Staff staff) {
        visible(id, staff);
        workflow.claim(id, staff.username());
        return rows.find(id).orElseThrow();
    }

    TaskRow release(long id, Staff staff) {
        visible(id, staff);
        workflow.release(id, staff.username());
        return rows.find(id).orElseThrow();
    }

    /**
     * Hands the task to a member of its group. The holder, the group's members and managers may do it; the person
     * who receives it holds it at once (and, for a ticket's work task, that stops the SLA clock).
     */
    TaskRow delegate(long id, Staff staff, String toUser) {
        TaskRow task = visible(id, staff);
        if (!directory.membersOf(task.candidateGroup()).contains(toUser)) {
            throw new TaskActionRefusedException(toUser + " is not a member of " + task.candidateGroup()
                    + ", the group of task " + id, false);
        }
        workflow.delegate(id, staff.username(), toUser);
        return rows.find(id).orElseThrow();
    }

    /** Who the tasks can be handed to, by group: each group's members. */
    Map<String, List<String>> assignees(Collection<TaskRow> tasks) {
        Map<String, List<String>> byGroup = new TreeMap<>();
        tasks.stream().map(TaskRow::candidateGroup).filter(Objects::nonNull).distinct()
                .forEach(group -> byGroup.put(group, directory.membersOf(group)));
        return byGroup;
    }

    TaskRow complete(long id, Staff staff) {
        TaskRow task = visible(id, staff);
        if (!staff.username().equals(task.assignee())) {
            throw new TaskActionRefusedException("claim task " + id + " before completing it"
                    + (task.assignee() == null ? "" : " (it is assigned to " + task.assignee() + ")"), false);
        }
        // An estimate without its hours would leave the quote process nothing to price.
        if (quotes.isEstimate(id)) {
            throw new TaskActionRefusedException("task " + id + " is a custom-work estimate: give the hours and a"
                    + " description (POST /api/tasks/" + id + "/estimate, or the form on the ticket page)", false);
        }
        workflow.complete(id, staff.username());
        return rows.find(id).orElseThrow();
    }
}
