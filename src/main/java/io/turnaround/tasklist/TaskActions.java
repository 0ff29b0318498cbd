package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import io.turnaround.workflow.TaskActionRefusedException;
import io.turnaround.workflow.TaskNotFoundException;
import io.turnaround.workflow.Workflow;
import org.springframework.stereotype.Service;

/**
 * What a person may do with a task, for the REST API and the pages alike: see it and act on it only if it is
 * theirs or their group's (managers and admins: any), and complete it only once they hold it.
 */
@Service
class TaskActions {

    private final TaskRows rows;
    private final Workflow workflow;

    TaskActions(TaskRows rows, Workflow workflow) {
        this.rows = rows;
        this.workflow = workflow;
    }

    /** The task, if this person may see it; a task of another group is forbidden, not hidden. */
    TaskRow visible(long id, Staff staff) {
        TaskRow task = rows.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        boolean mayAct = staff.seesAllQueues() || staff.username().equals(task.assignee())
                || staff.groups().contains(task.candidateGroup());
        if (!mayAct) {
            throw new TaskActionRefusedException("task " + id + " belongs to group " + task.candidateGroup()
                    + ", which you are not a member of", true);
        }
        return task;
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

    TaskRow complete(long id, Staff staff) {
        TaskRow task = visible(id, staff);
        if (!staff.username().equals(task.assignee())) {
            throw new TaskActionRefusedException("claim task " + id + " before completing it"
                    + (task.assignee() == null ? "" : " (it is assigned to " + task.assignee() + ")"), false);
        }
        workflow.complete(id, staff.username());
        return rows.find(id).orElseThrow();
    }
}
