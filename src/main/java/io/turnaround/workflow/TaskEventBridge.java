package io.turnaround.workflow;

import org.jbpm.services.task.events.DefaultTaskEventListener;
import org.kie.api.task.TaskEvent;
import org.kie.api.task.model.Group;
import org.kie.api.task.model.Task;
import org.kie.api.task.model.User;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the task service's events into {@link TaskChanged} for every {@link TaskObserver} (registered by jBPM's Spring factory). */
@Component
class TaskEventBridge extends DefaultTaskEventListener {

    private final List<TaskObserver> observers;
    private final Clock clock;

    TaskEventBridge(List<TaskObserver> observers, Clock clock) {
        this.observers = observers;
        this.clock = clock;
    }

    @Override
    public void afterTaskAddedEvent(TaskEvent event) {
        publish(TaskChanged.Change.CREATED, event);
    }

    @Override
    public void afterTaskClaimedEvent(TaskEvent event) {
        publish(TaskChanged.Change.CLAIMED, event);
    }

    @Override
    public void afterTaskReleasedEvent(TaskEvent event) {
        publish(TaskChanged.Change.RELEASED, event);
    }

    @Override
    public void afterTaskStartedEvent(TaskEvent event) {
        publish(TaskChanged.Change.STARTED, event);
    }

    @Override
    public void afterTaskDelegatedEvent(TaskEvent event) {
        publish(TaskChanged.Change.DELEGATED, event);
    }

    @Override
    public void afterTaskCompletedEvent(TaskEvent event) {
        publish(TaskChanged.Change.COMPLETED, event);
    }

    @Override
    public void afterTaskExitedEvent(TaskEvent event) {
        publish(TaskChanged.Change.EXITED, event);
    }

    private void publish(TaskChanged.Change change, TaskEvent event) {
        Task task = event.getTask();
        List<String> groups = task.getPeopleAssignments().getPotentialOwners().stream()
                .filter(Group.class::isInstance)
                .map(g -> g.getId())
                .collect(Collectors.toList());
        User owner = task.getTaskData().getActualOwner();
        String status = task.getTaskData().getStatus().name();
        // A new group task is still "Created" when announced; the task service makes it Ready in the same call.
        TaskState state = "Created".equals(status) ? TaskState.READY
                : TaskState.valueOf(status.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
        Map<String, Object> inputs = task.getTaskData().getTaskInputVariables();
        Object ticketKey = inputs == null ? null : inputs.get(TicketProcess.TICKET_KEY);
        TaskChanged changed = new TaskChanged(change, task.getId(), task.getTaskData().getProcessInstanceId(),
                ticketKey == null ? null : ticketKey.toString(), task.getName(), groups, owner == null ? null : owner.getId(), state, clock.instant());
        observers.forEach(observer -> observer.taskChanged(changed));
    }
}
