package io.turnaround.workflow;

/** No such task, or it is no longer open. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(long taskId) {
        super("task " + taskId + " does not exist");
    }
}
