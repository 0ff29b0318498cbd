package io.turnaround.workflow;

import io.turnaround.policy.facts.Decision;

/** A ticket process that has started, with the decision its business-rule task made. */
public record StartedTicket(long processInstanceId, Decision decision) {
}
