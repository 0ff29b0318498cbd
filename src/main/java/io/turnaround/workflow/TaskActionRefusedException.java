package io.turnaround.workflow;

/** The engine refused a task action: the user may not do it, or not in the task's current state. */
public class TaskActionRefusedException extends RuntimeException {

    private final boolean forbidden;

    public TaskActionRefusedException(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    /** True when the user lacks the right (403); false when the task's state forbids it now (409). */
    public boolean isForbidden() {
        return forbidden;
    }
}
