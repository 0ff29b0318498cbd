package io.turnaround.workflow;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.sla.NamedCalendars;

import java.util.HashMap;
import java.util.Map;

/** The names processes/support-ticket.bpmn and the Java code agree on (see processes/README.md). */
public final class TicketProcess {

    public static final String PROCESS_ID = "support-ticket";
    public static final String TICKET_KEY = "ticketKey";
    public static final String REQUEST = "request";
    public static final String DECISION = "decision";
    /** The custom task that asks the ticket store whether the SLA was breached when its timer fires. */
    public static final String RECORD_SLA_BREACH = "RecordSlaBreach";

    private TicketProcess() {
    }

    /**
     * The start variables: the rules fill {@code decision} in during the business-rule task, choosing among the
     * policy version's named {@code calendars} (which are not stored with the process).
     */
    public static Map<String, Object> variables(String ticketKey, TicketFacts request, NamedCalendars calendars) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TICKET_KEY, ticketKey);
        variables.put(REQUEST, request);
        variables.put(DECISION, new Decision(calendars));
        return variables;
    }
}
