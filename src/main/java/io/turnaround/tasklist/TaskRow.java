package io.turnaround.tasklist;

import io.swagger.v3.oas.annotations.media.Schema;
import io.turnaround.staff.Staff;

import java.time.Duration;
import java.time.Instant;

/**
 * One task in the task list, joined with its ticket: what staff need to pick the next job. {@code possibleEmergency}:
 * the rules marked the ticket a possible emergency and nobody has looked at it yet.
 */
public record TaskRow(@Schema(example = "1") long id,
                      @Schema(example = "Confirm the hosting partner picked up the emergency") String name,
                      @Schema(example = "hosting-liaison") String candidateGroup,
                      @Schema(example = "hana") String assignee, @Schema(example = "RESERVED") String state,
                      @Schema(example = "TCK-000001") String ticketKey,
                      @Schema(example = "Platina Streams") String client,
                      @Schema(example = "PLATINUM") String tier, @Schema(example = "EMERGENCY") String category,
                      boolean possibleEmergency, @Schema(example = "HOSTING_PARTNER") String route,
                      @Schema(example = "2026-11-20T17:00:00Z") Instant receivedAt,
                      @Schema(example = "PT30M") Duration slaTarget,
                      @Schema(example = "2026-11-20T17:30:00Z") Instant slaDueAt,
                      @Schema(description = "MET or BREACHED once decided", example = "MET") String slaOutcome,
                      Instant slaPausedAt, @Schema(example = "2026-11-20T17:00:02Z") Instant createdAt) {

    /** Share of the turnaround still left before which a ticket counts as at risk. */
    private static final double AT_RISK_REMAINING = 0.25;

    /** True when this person could claim the task now: it is unassigned and in one of their groups. */
    public boolean claimableBy(Staff staff) {
        return assignee == null && staff.groups().contains(candidateGroup);
    }

    /** True when this person may hand the task to someone: they hold it, it is their group's, or they manage. */
    public boolean delegableBy(Staff staff) {
        return heldBy(staff) || staff.groups().contains(candidateGroup) || staff.seesAllQueues();
    }

    public boolean heldBy(Staff staff) {
        return staff.username().equals(assignee);
    }

    /**
     * How the ticket's SLA stands at {@code now}: {@code met}, {@code breached}, {@code paused} (waiting on someone
     * the policy pauses for), {@code at-risk} (less than a quarter of the turnaround left, measured in wall time to the
     * due instant) or {@code on-track}.
     */
    public String slaStanding(Instant now) {
        if ("MET".equals(slaOutcome)) {
            return "met";
        }
        if (slaPausedAt != null && !"BREACHED".equals(slaOutcome)) {
            return "paused";
        }
        if ("BREACHED".equals(slaOutcome) || (slaDueAt != null && !now.isBefore(slaDueAt))) {
            return "breached";
        }
        if (slaDueAt == null || slaTarget == null) {
            return "on-track";
        }
        Duration left = Duration.between(now, slaDueAt);
        return left.toMillis() < slaTarget.toMillis() * AT_RISK_REMAINING ? "at-risk" : "on-track";
    }
}
