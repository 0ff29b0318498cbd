package io.turnaround.workflow;

import io.turnaround.policy.facts.TicketFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The process engine as the rest of Turnaround sees it; the only implementation talks to jBPM. */
public interface Workflow {

    /** Starts the ticket process of that policy version; the process's rules decide the ticket. */
    StartedTicket startTicket(int policyVersion, String ticketKey, TicketFacts facts);

    /**
     * Ends a ticket's running process on {@code fromVersion} (its tasks and timers with it) and starts a new one on
     * {@code toVersion} (the same one, or the version it moves to), whose rules decide the ticket again from the given
     * facts. Its SLA ladder counts {@code slaPausedSoFar}, the working time the clock has already spent paused. Both
     * happen in the caller's transaction.
     */
    StartedTicket restartTicket(int fromVersion, int toVersion, long processInstanceId, String ticketKey,
                                TicketFacts facts, Duration slaPausedSoFar);

    /**
     * Stops the ticket's SLA clock at {@code at}: its escalation ladder waits. Returns false if the clock was already
     * paused or the ladder has stopped. In the caller's transaction.
     */
    boolean pauseSla(int policyVersion, long processInstanceId, Instant at);

    /**
     * Restarts the ticket's SLA clock at {@code at}: the due instant and every rung still to come move by the working
     * time that passed while paused. In the caller's transaction.
     */
    SlaResumed resumeSla(int policyVersion, long processInstanceId, Instant at);

    /** The working time between two instants on the calendar of the process's SLA clock (its escalation ladder's). */
    Duration slaWorkingTime(int policyVersion, long processInstanceId, Instant from, Instant to);

    /** Timers whose work keeps failing (the dead-letter list), those jBPM gave up on first. */
    List<FailedTimer> failedTimers();

    /** Tries a failed timer's work again now; it returns to the list if it fails again. */
    void retryFailedTimer(long processInstanceId);

    void claim(long taskId, String user);

    void release(long taskId, String user);

    void complete(long taskId, String user);

    /** Hands the task to another person, who then holds it. */
    void delegate(long taskId, String user, String toUser);
}
