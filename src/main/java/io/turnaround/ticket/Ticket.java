package io.turnaround.ticket;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WaitingOn;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A support request as stored: what came in, what the policy decided and how its SLA clock ended.
 * {@code requestedCategory} is the category staff chose, which the rules take over the text's; the hosting partner's
 * own reference and first answer are kept for tickets it handles. {@code possibleEmergency}: the rules marked the
 * running decision a possible emergency; {@code possibleEmergencySeenBy} said it is not one.
 */
public record Ticket(long id, String clientName, String sender, String subject, String body, Channel channel,
                     Instant receivedAt, TicketStatus status, Tier tier, Category category, String categoryReason,
                     Route route, String candidateGroup, Duration slaTarget, String slaClock, Instant slaDueAt,
                     Instant slaStoppedAt, String slaOutcome, String assignee, Integer policyVersion,
                     Long processInstanceId, Instant createdAt, Instant updatedAt, Priority priority,
                     WaitingOn waitingOn, Instant slaPausedAt, Duration slaPaused, Set<WaitingOn> pausesWhileWaitingOn,
                     Category requestedCategory, String partnerReference, Instant partnerRespondedAt,
                     Instant decidedFrom, String decidedBody, boolean possibleEmergency,
                     String possibleEmergencySeenBy) {

    public String key() {
        return TicketKey.of(id);
    }

    /** A possible emergency nobody has looked at yet: the badge shows, and the manager view lists it. */
    public boolean possibleEmergencyToLookAt() {
        return possibleEmergency && possibleEmergencySeenBy == null && status != TicketStatus.RESOLVED;
    }

    /** When the running decision's clock counts from: the receipt, or the customer's reply that reopened it. */
    public Instant clockFrom() {
        return decidedFrom == null ? receivedAt : decidedFrom;
    }

    /** The text the running decision read: the body, or the reply that reopened the ticket. */
    public String decidedText() {
        return decidedBody == null ? body : decidedBody;
    }

    /** How the running decision's request came: a reply reopens a ticket by mail. */
    public Channel decidedChannel() {
        return decidedFrom == null ? channel : Channel.EMAIL;
    }
}
