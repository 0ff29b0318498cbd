package io.turnaround.workflow;

import java.time.Instant;

/**
 * Told, inside the engine's transaction, when a ticket's work is done: the ticket process's {@code handleTicket}
 * subprocess ended (the route's task completed and whatever the BPMN chains after it, such as a quote's development).
 */
public interface WorkObserver {

    void workDone(long processInstanceId, Instant at);
}
