package io.turnaround.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
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
record TicketView(@Schema(example = "TCK-000001") String key, @Schema(example = "Platina Streams") String client,
                  @Schema(example = "PLATINUM") Tier tier, @Schema(example = "cto@platina.example") String from,
                  @Schema(example = "Site is down for everyone") String subject,
                  @Schema(example = "Nothing loads since 09:00") String body, @Schema(example = "API") String channel,
                  @Schema(example = "2026-11-20T17:00:00Z") Instant receivedAt,
                  @Schema(example = "EMERGENCY") Category category, @Schema(example = "HOSTING_PARTNER") Route route,
                  @Schema(example = "hosting-liaison") String candidateGroup,
                  @Schema(description = "The turnaround the policy promised", example = "PT30M") Duration slaTarget,
                  boolean possibleEmergency, String possibleEmergencySeenBy,
                  @Schema(description = "The clock the turnaround runs on", example = "24x7") String slaClock,
                  @Schema(example = "2026-11-20T17:30:00Z") Instant slaDueAt,
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
