package io.turnaround.workflow;

import java.time.Instant;

/**
 * A ticket process's stay at one of its BPMN nodes, as far as one transaction saw it: entered in it ({@code enteredAt}
 * set), left in it ({@code leftAt} set), or both. A visit entered earlier and left now has no {@code enteredAt}; one
 * entered now and still there has no {@code leftAt}. A timer event's visit has the instant its timer is due.
 */
public record NodeVisit(String ticketKey, long processInstanceId, long nodeInstanceId, String processId, String nodeId,
                        Instant enteredAt, Instant leftAt, Instant timerDueAt) {

    /** The process stayed there past the transaction that brought it: a task, a timer or a message it waits for. */
    public boolean waits() {
        return enteredAt == null || leftAt == null;
    }
}
