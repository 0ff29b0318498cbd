package io.turnaround.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ticket's promises read back from its history, line by line, as they were kept when it happened
 * ({@link TicketPromises}): a decision on a new clock makes a promise, one on the same clock replaces its decision,
 * the customer reopening a resolved ticket starts the next clock. Older lines that lack a part (the plan's tier, the
 * time on the promise's own clock) leave it to the ticket's row, or unknown.
 */
final class PromiseReplay {

    /** The ticket as its row holds it now: what the history does not repeat. */
    record TicketFacts(long id, Long clientId, String tier, Instant receivedAt, Instant resolvedAt) {
    }

    /** One promise, as {@code ticket_promise} stores it. */
    static final class Promise {
        final Instant clockFrom;
        Instant nextClockFrom;
        int policyVersion;
        String tier;
        String category;
        String route;
        String group;
        Duration target;
        String clock;
        Instant dueAt;
        String outcome;
        Instant breachedAt;
        Instant stoppedAt;
        String assignee;
        Duration ranOnItsClock;
        Instant pausedAt;
        boolean paused;
        Duration pausedTotal = Duration.ZERO;
        Instant firstResponseAt;
        Instant resolvedAt;

        Promise(Instant clockFrom) {
            this.clockFrom = clockFrom;
        }

        void decide(PromiseLines.Decided decided, String tierNow) {
            policyVersion = decided.policyVersion();
            tier = decided.tier() != null ? decided.tier() : tierNow;
            category = decided.category();
            route = decided.route();
            group = decided.group();
            target = decided.target();
            clock = decided.clock();
            dueAt = decided.dueAt();
            outcome = null;
            breachedAt = null;
            stoppedAt = null;
            assignee = null;
            ranOnItsClock = null;
            resolvedAt = null;
        }

        /** The work was done: nobody assigned before keeps the promise if it was done by the due instant. */
        void resolve(Instant at) {
            resolvedAt = at;
            if (outcome == null) {
                outcome = (pausedAt != null ? pausedAt : at).isAfter(dueAt) ? "BREACHED" : "MET";
            }
        }
    }

    private PromiseReplay() {
    }

    static List<Promise> of(TicketFacts ticket, List<HistoryEntry> lines) {
        List<Promise> promises = new ArrayList<>();
        List<Instant> replies = new ArrayList<>();
        Promise current = null;
        Instant nextClock = null;
        Instant lastDone = null;
        for (HistoryEntry line : lines) {
            HistoryEvent event = HistoryEvent.valueOf(line.event());
            switch (event) {
                case DECIDED -> {
                    Optional<PromiseLines.Decided> decided = PromiseLines.readDecided(line.actor(), line.detail());
                    if (decided.isEmpty()) {
                        continue;
                    }
                    if (current == null || nextClock != null) {
                        if (current != null) {
                            current.nextClockFrom = nextClock;
                        }
                        current = new Promise(nextClock != null ? nextClock : ticket.receivedAt());
                        promises.add(current);
                        nextClock = null;
                    }
                    current.decide(decided.get(), ticket.tier());
                }
                case REOPENED -> {
                    nextClock = PromiseLines.readReopenedAt(line.detail()).orElse(line.at());
                    if (current != null && current.resolvedAt == null && lastDone != null) {
                        current.resolve(lastDone);
                    }
                }
                case WAITING -> {
                    if (current != null && PromiseLines.pausedTheClock(line.detail())) {
                        current.pausedAt = line.at();
                        current.paused = true;
                    }
                }
                case WAITING_ENDED -> {
                    Optional<PromiseLines.Resumed> resumed = PromiseLines.readResumed(line.detail());
                    if (current != null && resumed.isPresent()) {
                        current.pausedAt = null;
                        current.pausedTotal = current.pausedTotal.plus(resumed.get().paused());
                        current.dueAt = resumed.get().dueAt();
                    }
                }
                case SLA_STOPPED -> {
                    Optional<PromiseLines.Stopped> stopped = PromiseLines.readStopped(line.detail());
                    if (current != null && current.stoppedAt == null && stopped.isPresent()) {
                        current.stoppedAt = line.at();
                        current.outcome = current.outcome != null ? current.outcome : stopped.get().outcome();
                        current.assignee = stopped.get().assignee();
                        current.ranOnItsClock = stopped.get().ran();
                    }
                }
                case SLA_BREACHED -> {
                    if (current != null && current.outcome == null) {
                        current.outcome = "BREACHED";
                        current.breachedAt = line.at();
                    }
                }
                case REPLY_QUEUED -> replies.add(line.at());
                case TASK_COMPLETED -> lastDone = line.at();
                default -> {
                }
            }
        }
        if (current != null && ticket.resolvedAt() != null && nextClock == null) {
            current.resolve(ticket.resolvedAt());
        }
        for (Promise promise : promises) {
            promise.firstResponseAt = replies.stream().filter(at -> !at.isBefore(promise.clockFrom)
                    && (promise.nextClockFrom == null || at.isBefore(promise.nextClockFrom))).findFirst().orElse(null);
        }
        return promises;
    }
}
