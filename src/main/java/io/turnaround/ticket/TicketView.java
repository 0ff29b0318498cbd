package io.turnaround.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.turnaround.policy.Explanation;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WaitingOn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as the API returns it; {@code history}, {@code quotes} and {@code explanation} only on the single-ticket view, {@code notice}
 * only in the answer to a new request that was not taken as sent (a chat message outside the plan's chat hours, taken
 * as email).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TicketView(String key, String client, Tier tier, String from, String subject, String body, String channel,
                  Instant receivedAt, Category category, Route route, String candidateGroup, Duration slaTarget,
                  boolean possibleEmergency, String possibleEmergencySeenBy, String slaClock, Instant slaDueAt,
                  Instant slaStoppedAt, String slaOutcome, TicketStatus status, String assignee, Integer policyVersion,
                  Priority priority, WaitingOn waitingOn, Instant slaPausedAt, Duration slaPaused,
                  String partnerReference, Instant partnerRespondedAt, List<HistoryEntry> history, List<?> quotes,
                  Explanation explanation, String notice) {

    static TicketView of(Ticket t, List<HistoryEntry> history) {
        return of(t, history, null, null);
    }

    /**
     * The single-ticket view with its custom-work quotes (as the quote feature shows them) and why its decision came
     * out so (null for a ticket decided before decisions explained).
     */
    static TicketView of(Ticket t, List<HistoryEntry> history, List<?> quotes, Explanation explanation) {
        return new TicketView(t.key(), t.clientName(), t.tier(), t.sender(), t.subject(), t.body(), t.channel().name(),
                t.receivedAt(), t.category(), t.route(), t.candidateGroup(), t.slaTarget(), t.possibleEmergency(),
                t.possibleEmergencySeenBy(), t.slaClock(), t.slaDueAt(),
                t.slaStoppedAt(), t.slaOutcome(), t.status(), t.assignee(), t.policyVersion(), t.priority(), t.waitingOn(),
                t.slaPausedAt(), t.slaPaused(), t.partnerReference(), t.partnerRespondedAt(), history, quotes, explanation,
                null);
    }

    TicketView withNotice(String text) {
        return new TicketView(key, client, tier, from, subject, body, channel, receivedAt, category, route, candidateGroup,
                slaTarget, possibleEmergency, possibleEmergencySeenBy, slaClock, slaDueAt, slaStoppedAt, slaOutcome, status, assignee, policyVersion, priority, waitingOn,
                slaPausedAt, slaPaused, partnerReference, partnerRespondedAt, history, quotes, explanation, text);
    }
}
