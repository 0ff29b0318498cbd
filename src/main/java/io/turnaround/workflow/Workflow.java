package io.turnaround.workflow;

import io.turnaround.policy.facts.TicketFacts;

/** The process engine as the rest of Turnaround sees it; the only implementation talks to jBPM. */
public interface Workflow {

    /** Deploys a compiled policy version (its KJAR is already in the KIE repository); does nothing if deployed. */
    void deploy(String policyVersion);

    boolean isDeployed(String policyVersion);

    /** Starts the ticket process of that policy version; the process's rules decide the ticket. */
    StartedTicket startTicket(String policyVersion, String ticketKey, TicketFacts facts);

    /**
     * Ends a ticket's running process (its tasks and timers with it) and starts a new one on the same policy version,
     * whose rules decide the ticket again from the given facts. Both happen in the caller's transaction.
     */
    StartedTicket restartTicket(String policyVersion, long processInstanceId, String ticketKey, TicketFacts facts);

    void claim(long taskId, String user);

    void release(long taskId, String user);

    void complete(long taskId, String user);

    /** Hands the task to another person, who then holds it. */
    void delegate(long taskId, String user, String toUser);
}
