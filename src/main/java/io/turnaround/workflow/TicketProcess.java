package io.turnaround.workflow;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.sla.NamedCalendars;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The names processes/support-ticket.bpmn and the Java code agree on (see processes/README.md). */
public final class TicketProcess {

    public static final String PROCESS_ID = "support-ticket";
    public static final String TICKET_KEY = "ticketKey";
    public static final String REQUEST = "request";
    public static final String DECISION = "decision";
    public static final String LADDER = "ladder";
    public static final String SLA_PAUSED_SO_FAR = "slaPausedSoFar";
    public static final String BREACH_GROUP = "breachGroup";
    /** The embedded subprocess that holds the work on the ticket's route; when it ends, the ticket is resolved. */
    public static final String WORK = "handleTicket";
    /** The custom task that climbs a rung of the SLA ladder when its timer fires. */
    public static final String ESCALATE = "Escalate";
    /** The signal that makes the ladder re-read its next rung: the clock paused, resumed or was re-decided. */
    public static final String SLA_CLOCK_CHANGED = "sla-clock-changed";

    private TicketProcess() {
    }

    /**
     * The start variables: the rules fill {@code decision} in during the business-rule task, choosing among the
     * policy version's named {@code calendars} (which are not stored with the process).
     */
    public static Map<String, Object> variables(String ticketKey, TicketFacts request, NamedCalendars calendars) {
        return variables(ticketKey, request, calendars, Duration.ZERO);
    }

    /** The start variables of a ticket whose SLA clock has already been paused for that much working time. */
    public static Map<String, Object> variables(String ticketKey, TicketFacts request, NamedCalendars calendars,
                                                Duration slaPausedSoFar) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TICKET_KEY, ticketKey);
        variables.put(REQUEST, request);
        variables.put(DECISION, new Decision(calendars));
        variables.put(SLA_PAUSED_SO_FAR, slaPausedSoFar);
        return variables;
    }
}
