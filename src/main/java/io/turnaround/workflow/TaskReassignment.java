package io.turnaround.workflow;

import org.jbpm.kie.services.impl.admin.UserTaskAdminServiceImpl;
import org.jbpm.kie.services.impl.admin.commands.AddPeopleAssignmentsCommand;
import org.jbpm.services.api.RuntimeDataService;
import org.jbpm.services.api.UserTaskService;
import org.kie.api.task.model.Group;
import org.kie.api.task.model.OrganizationalEntity;
import org.kie.api.task.model.Status;
import org.kie.api.task.model.Task;
import org.kie.api.task.model.TaskSummary;
import org.kie.internal.query.QueryFilter;
import org.kie.internal.runtime.manager.context.ProcessInstanceIdContext;
import org.kie.internal.task.api.TaskModelProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Moves a ticket's open work task to another group's queue: the SLA ladder's REASSIGN step. jBPM's "forward"
 * refuses group targets, so the task's potential owners are replaced, as its business administrator.
 */
@Component
class TaskReassignment {

    /** jBPM's default business administrator of every task. */
    static final String BUSINESS_ADMINISTRATOR = "Administrator";
    private static final List<Status> OPEN = List.of(Status.Created, Status.Ready, Status.Reserved, Status.InProgress);

    private final RuntimeDataService runtimeData;
    private final UserTaskService tasks;
    private final List<TaskObserver> observers;
    private final Clock clock;

    TaskReassignment(RuntimeDataService runtimeData, UserTaskService tasks, List<TaskObserver> observers, Clock clock) {
        this.runtimeData = runtimeData;
        this.tasks = tasks;
        this.observers = observers;
        this.clock = clock;
    }

    /** The open tasks of {@code fromGroup} in this process instance wait, unassigned, in {@code toGroup}'s queue. */
    void moveOpenWork(long processInstanceId, String fromGroup, String toGroup) {
        List<TaskSummary> open = runtimeData.getTasksByStatusByProcessInstanceId(processInstanceId, OPEN, new QueryFilter());
        for (TaskSummary summary : open) {
            Task task = tasks.getTask(summary.getId());
            boolean work = task.getPeopleAssignments().getPotentialOwners().stream()
                    .anyMatch(owner -> owner instanceof Group && owner.getId().equals(fromGroup));
            if (!work) {
                continue;
            }
            if (task.getTaskData().getStatus() == Status.Reserved || task.getTaskData().getStatus() == Status.InProgress) {
                tasks.release(task.getId(), BUSINESS_ADMINISTRATOR);
            }
            // The admin service would look the task up in the audit log, which is off: its command goes directly.
            tasks.execute(task.getTaskData().getDeploymentId(), ProcessInstanceIdContext.get(processInstanceId),
                    new AddPeopleAssignmentsCommand(BUSINESS_ADMINISTRATOR, task.getId(), UserTaskAdminServiceImpl.POT_OWNER,
                            new OrganizationalEntity[] {TaskModelProvider.getFactory().newGroup(toGroup)}, true));
            TaskChanged moved = new TaskChanged(TaskChanged.Change.FORWARDED, task.getId(), processInstanceId, null,
                    task.getName(), List.of(toGroup), null, TaskState.READY, clock.instant());
            observers.forEach(observer -> observer.taskChanged(moved));
        }
    }
}
