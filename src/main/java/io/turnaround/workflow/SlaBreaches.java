package io.turnaround.workflow;

import java.time.Instant;

/** What the ticket process asks when its SLA timer fires (task {@code RecordSlaBreach} in the BPMN). */
public interface SlaBreaches {

    /** Records the breach if nobody was assigned in time; returns whether the ticket must be escalated. */
    boolean recordBreachIfUnassigned(String ticketKey, Instant firedAt);
}
