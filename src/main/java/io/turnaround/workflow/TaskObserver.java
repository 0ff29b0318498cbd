package io.turnaround.workflow;

/**
 * Told of every {@link TaskChanged}, inside the engine's transaction. Observers are handed to the engine's task
 * listener when it is built rather than found through application events, because timers that fell due while
 * the server was down fire as soon as the scheduler starts, which can be before Spring has registered its
 * event listeners; their task changes must not go unrecorded.
 */
public interface TaskObserver {

    void taskChanged(TaskChanged event);

    /** Retention deleted these finished tasks from the engine (their ticket was resolved long ago). */
    default void tasksRemoved(java.util.Collection<Long> taskIds) {
    }
}
