package io.turnaround.report;

import io.turnaround.ticket.TicketBacklog.OpenTicket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open tickets at an instant, counted by age (since receipt), by the time left to their due instant as a share of
 * their turnaround (in wall time, as the task list's "at risk"), and by group.
 */
public record Backlog(Instant at, int open, List<Count> byAge, List<Count> byTimeLeft, List<GroupCount> byGroup) {

    public record Count(String bucket, int count) {
    }

    /** A group's open tickets and how many of them are overdue. */
    public record GroupCount(String group, int open, int overdue) {
    }

    static final List<String> AGES = List.of("< 1 h", "1–4 h", "4–24 h", "1–3 d", "> 3 d");
    static final String OVERDUE = "overdue";
    /** Overdue first; then those still running by the share left; then those whose clock is not running. */
    static final List<String> TIME_LEFT = List.of(OVERDUE, "< 25% left", "< 50% left", "more", "paused", "met",
            "not decided yet");
    /** Tickets no policy has decided (waiting in triage) have no group. */
    static final String NO_GROUP = "(none: in triage)";

    static Backlog of(List<OpenTicket> tickets, Instant now) {
        Map<String, Integer> ages = zeros(AGES);
        Map<String, Integer> left = zeros(TIME_LEFT);
        Map<String, int[]> groups = new TreeMap<>();
        for (OpenTicket ticket : tickets) {
            ages.merge(age(ticket.receivedAt(), now), 1, Integer::sum);
            String standing = timeLeft(ticket, now);
            left.merge(standing, 1, Integer::sum);
            int[] group = groups.computeIfAbsent(ticket.candidateGroup() == null ? NO_GROUP : ticket.candidateGroup(),
                    g -> new int[2]);
            group[0]++;
            group[1] += OVERDUE.equals(standing) ? 1 : 0;
        }
        List<GroupCount> byGroup = new ArrayList<>();
        groups.forEach((group, counts) -> byGroup.add(new GroupCount(group, counts[0], counts[1])));
        byGroup.sort(Comparator.comparingInt(GroupCount::open).reversed().thenComparing(GroupCount::group));
        return new Backlog(now, tickets.size(), counts(ages), counts(left), List.copyOf(byGroup));
    }

    static String age(Instant receivedAt, Instant now) {
        Duration age = Duration.between(receivedAt, now);
        if (age.compareTo(Duration.ofHours(1)) < 0) {
            return AGES.get(0);
        }
        if (age.compareTo(Duration.ofHours(4)) < 0) {
            return AGES.get(1);
        }
        if (age.compareTo(Duration.ofHours(24)) < 0) {
            return AGES.get(2);
        }
        return age.compareTo(Duration.ofDays(3)) < 0 ? AGES.get(3) : AGES.get(4);
    }

    /** The task list's standing (TaskRow.slaStanding) with the time left split by its share of the turnaround. */
    static String timeLeft(OpenTicket ticket, Instant now) {
        if ("MET".equals(ticket.slaOutcome())) {
            return "met";
        }
        if ("BREACHED".equals(ticket.slaOutcome())) {
            return OVERDUE;
        }
        if (ticket.slaPausedAt() != null) {
            return "paused";
        }
        if (ticket.slaDueAt() == null || ticket.slaTarget() == null || ticket.slaTarget().isZero()) {
            return "not decided yet";
        }
        if (!now.isBefore(ticket.slaDueAt())) {
            return OVERDUE;
        }
        double share = Duration.between(now, ticket.slaDueAt()).toMillis() / (double) ticket.slaTarget().toMillis();
        return share < 0.25 ? "< 25% left" : share < 0.5 ? "< 50% left" : "more";
    }

    private static Map<String, Integer> zeros(List<String> buckets) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        buckets.forEach(bucket -> counts.put(bucket, 0));
        return counts;
    }

    private static List<Count> counts(Map<String, Integer> counts) {
        List<Count> list = new ArrayList<>();
        counts.forEach((bucket, count) -> list.add(new Count(bucket, count)));
        return List.copyOf(list);
    }
}
