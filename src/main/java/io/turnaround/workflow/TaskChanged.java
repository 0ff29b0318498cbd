package io.turnaround.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A human task was created or changed hands or state. Given to every {@link TaskObserver} inside the engine's
 * transaction, so observers that write to the database commit or roll back with it. {@code ticketKey} is the task's input
 * of that name, known when the task is created (before the ticket has recorded its process instance)
 * and null for later changes.
 */
public record TaskChanged(Change change, long taskId, long processInstanceId, String ticketKey, String taskName,
                          List<String> candidateGroups, String assignee, TaskState state, Instant at) {

    public enum Change { CREATED, CLAIMED, RELEASED, STARTED, DELEGATED, FORWARDED, COMPLETED, EXITED, OTHER }

    public String candidateGroup() {
        return candidateGroups.isEmpty() ? null : candidateGroups.get(0);
    }
}
