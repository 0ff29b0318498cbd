package io.turnaround.ticket;

import java.time.Instant;

/**
 * One stay of a ticket's process at a BPMN node: {@code leftAt} null while it is still there; {@code timerDueAt} the
 * instant its timer fires (or fired) when the node is a timer event, or the soonest timer on an activity's boundary.
 */
public record NodeStay(long processInstanceId, String processId, String nodeId, Instant enteredAt, Instant leftAt,
                       Instant timerDueAt) {

    public boolean current() {
        return leftAt == null;
    }
}
