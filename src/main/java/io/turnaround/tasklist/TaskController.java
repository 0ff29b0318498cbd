package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import io.turnaround.workflow.TaskActionRefusedException;
import io.turnaround.workflow.TaskNotFoundException;
import io.turnaround.workflow.Workflow;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import java.util.List;
import java.util.function.BiConsumer;

/** Human tasks over REST: a user sees and acts on the tasks of their groups, managers on all. */
@RestController
@RequestMapping("/api/tasks")
@Validated
class TaskController {

    private final TaskRows rows;
    private final Workflow workflow;

    TaskController(TaskRows rows, Workflow workflow) {
        this.rows = rows;
        this.workflow = workflow;
    }

    @GetMapping
    List<TaskRow> list(@RequestParam(required = false) String group, @RequestParam(required = false) String assignee,
                       @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit, Authentication user) {
        return rows.openFor(Staff.of(user), group, assignee, limit);
    }

    @GetMapping("/{id}")
    TaskRow get(@PathVariable long id, Authentication user) {
        return visible(id, Staff.of(user));
    }

    @PostMapping("/{id}/claim")
    TaskRow claim(@PathVariable long id, Authentication user) {
        return act(id, user, workflow::claim);
    }

    @PostMapping("/{id}/release")
    TaskRow release(@PathVariable long id, Authentication user) {
        return act(id, user, workflow::release);
    }

    @PostMapping("/{id}/complete")
    TaskRow complete(@PathVariable long id, Authentication user) {
        Staff staff = Staff.of(user);
        TaskRow task = visible(id, staff);
        if (!staff.username().equals(task.assignee())) {
            throw new TaskActionRefusedException("claim task " + id + " before completing it"
                    + (task.assignee() == null ? "" : " (it is assigned to " + task.assignee() + ")"), false);
        }
        workflow.complete(id, staff.username());
        return rows.find(id).orElseThrow();
    }

    private TaskRow act(long id, Authentication user, BiConsumer<Long, String> action) {
        Staff staff = Staff.of(user);
        visible(id, staff);
        action.accept(id, staff.username());
        return rows.find(id).orElseThrow();
    }

    /** The task, if this person may see it; a task of another group is forbidden, not hidden. */
    private TaskRow visible(long id, Staff staff) {
        TaskRow task = rows.find(id).orElseThrow(() -> new TaskNotFoundException(id));
        boolean mayAct = staff.seesAllQueues() || staff.username().equals(task.assignee())
                || staff.groups().contains(task.candidateGroup());
        if (!mayAct) {
            throw new TaskActionRefusedException("task " + id + " belongs to group " + task.candidateGroup()
                    + ", which you are not a member of", true);
        }
        return task;
    }
}
