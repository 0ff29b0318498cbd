package io.turnaround.tasklist;

import io.turnaround.staff.Staff;

import java.time.Duration;
import java.time.Instant;

/**
 * One task in the task list, joined with its ticket: what staff need to pick the next job. {@code possibleEmergency}:
 * the rules marked the ticket a possible emergency and nobody has looked at it yet.
 */
public record TaskRow(long id, String name, String candidateGroup, String assignee, String state, String ticketKey,
                      String client, String tier, String category, boolean possibleEmergency, String route,
                      Instant receivedAt,
                      Duration slaTarget, Instant slaDueAt, String slaOutcome, Instant slaPausedAt, Instant createdAt) {

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
