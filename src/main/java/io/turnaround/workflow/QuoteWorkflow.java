package io.turnaround.workflow;

import java.math.BigDecimal;

/** The custom-work quote as the rest of Turnaround drives it through the engine (processes/custom-quote.bpmn). */
public interface QuoteWorkflow {

    /**
     * Completes a ticket's custom-work estimate task, held by {@code user}, with the estimated hours and a description
     * of the work: the quote process starts, prices it and mails it, all in the caller's transaction. Returns the
     * process instance of the task's ticket. A task that is no estimate is refused.
     */
    long completeEstimate(long taskId, String user, BigDecimal hours, String description);

    /** True for the ticket process's estimate task, which cannot be completed without its hours and description. */
    boolean isEstimate(long taskId);

    /**
     * Hands the client's answer to the quote's process, in the caller's transaction. Returns false, changing nothing,
     * when that process no longer runs.
     */
    boolean answer(int policyVersion, long quoteProcessInstanceId, boolean accepted);
}
