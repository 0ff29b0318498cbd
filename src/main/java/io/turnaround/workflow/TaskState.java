package io.turnaround.workflow;

/** The life of a human task, independent of the engine's own names. */
public enum TaskState {
    CREATED, READY, RESERVED, IN_PROGRESS, COMPLETED, EXITED, SUSPENDED, FAILED, ERROR, OBSOLETE;

    public boolean isOpen() {
        return this == CREATED || this == READY || this == RESERVED || this == IN_PROGRESS || this == SUSPENDED;
    }
}
