package io.turnaround.sla;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One ticket's escalation schedule: the policy's steps placed on the ticket's SLA calendar, climbed one rung at
 * a time by the ticket process's timer. The clock can pause (waiting on the customer, say): on resume the due
 * instant and every rung still to come move later by the working time that passed while paused. Once the SLA
 * stops (a person is assigned) the rest of the ladder is not climbed.
 */
public final class SlaLadder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BusinessCalendar calendar;
    private final List<Rung> rungs;
    private Instant dueAt;
    private Instant pausedAt;
    private Duration pausedTotal = Duration.ZERO;
    private boolean stopped;

    private SlaLadder(BusinessCalendar calendar, List<Rung> rungs, Instant dueAt) {
        this.calendar = calendar;
        this.rungs = rungs;
        this.dueAt = dueAt;
    }

    /**
     * Places the steps for a ticket received at {@code receivedAt}, due at {@code dueAt}, planned at {@code now}.
     * A step whose moment has already passed (a late re-decision, an old email) is skipped rather than sent late,
     * except a breach, which is always recorded.
     */
    public static SlaLadder plan(List<Escalation> steps, BusinessCalendar calendar, Instant receivedAt,
                                 Duration turnaround, Instant dueAt, Instant now) {
        return plan(steps, calendar, receivedAt, turnaround, dueAt, now, Duration.ZERO);
    }

    /**
     * As {@link #plan(List, BusinessCalendar, Instant, Duration, Instant, Instant)}, for a ticket whose clock already
     * spent {@code pausedSoFar} of working time paused (a re-decided ticket): every moment moves that much later.
     */
    public static SlaLadder plan(List<Escalation> steps, BusinessCalendar calendar, Instant receivedAt,
                                 Duration turnaround, Instant dueAt, Instant now, Duration pausedSoFar) {
        List<Rung> rungs = new ArrayList<>();
        for (Escalation step : steps) {
            Instant moment = step.momentFor(calendar, receivedAt, turnaround, dueAt);
            rungs.add(new Rung(step, afterPause(calendar, moment, pausedSoFar)));
        }
        rungs.sort(Comparator.comparing(Rung::at));
        for (int i = 0; i < rungs.size(); i++) {
            Rung rung = rungs.get(i);
            rung.index = i;
            if (rung.at.isBefore(now) && rung.step.action() != EscalationAction.BREACH) {
                rung.state = RungState.SKIPPED;   // its moment had passed when the ladder was set
            }
        }
        SlaLadder ladder = new SlaLadder(calendar, rungs, afterPause(calendar, dueAt, pausedSoFar));
        ladder.pausedTotal = pausedSoFar;
        return ladder;
    }

    /** A moment of a clock that has already spent {@code pausedSoFar} of working time paused: that much later. */
    public static Instant afterPause(BusinessCalendar calendar, Instant moment, Duration pausedSoFar) {
        return calendar.addWorkingTime(moment, pausedSoFar);
    }

    /** Whether a rung is still to be climbed: the SLA runs and a step is pending. */
    public boolean hasNext() {
        return !stopped && rungs.stream().anyMatch(r -> r.state == RungState.PENDING);
    }

    /** The next rung to climb; its moment is when the process's timer fires. */
    public Rung next() {
        return rungs.stream().filter(r -> r.state == RungState.PENDING).findFirst()
                .orElseThrow(() -> new IllegalStateException("no escalation step is pending"));
    }

    /** The next rung's moment as ISO-8601 text, the form a BPMN timeDate takes. */
    public String getNextAtText() {
        return next().at.toString();
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    public boolean isStopped() {
        return stopped;
    }

    /** The working time between two instants on the ticket's SLA calendar. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        return calendar.workingTimeBetween(from, to);
    }

    public Instant getDueAt() {
        return dueAt;
    }

    /** Working time the clock spent paused, all pauses together. */
    public Duration getPausedTotal() {
        return pausedTotal;
    }

    public List<Rung> getRungs() {
        return List.copyOf(rungs);
    }

    /** Records how the next rung went (what it did is in the ticket's history and escalation log). */
    public void settle(Rung rung, RungState state) {
        if (rung.state != RungState.PENDING) {
            throw new IllegalStateException("escalation step " + rung.index + " is already " + rung.state);
        }
        rung.state = state;
    }

    /** The SLA stopped: nothing more is climbed. */
    public void stop() {
        stopped = true;
    }

    /** Stops the clock at {@code at}; false if it was already paused or has stopped. */
    public boolean pause(Instant at) {
        if (stopped || pausedAt != null) {
            return false;
        }
        pausedAt = at;
        return true;
    }

    /**
     * Restarts the clock at {@code at}: the due instant and the pending rungs move by the working time that passed
     * while paused. Returns that working time (zero if the clock was not paused).
     */
    public Duration resume(Instant at) {
        if (pausedAt == null) {
            return Duration.ZERO;
        }
        Duration paused = calendar.workingTimeBetween(pausedAt, at);
        for (Rung rung : rungs) {
            if (rung.state == RungState.PENDING) {
                rung.at = shifted(rung.at, at);
            }
        }
        dueAt = shifted(dueAt, at);
        pausedTotal = pausedTotal.plus(paused);
        pausedAt = null;
        return paused;
    }

    /** A moment still ahead when the clock paused keeps its remaining working time, counted from the resume. */
    private Instant shifted(Instant moment, Instant resumedAt) {
        if (moment.isBefore(pausedAt)) {
            return moment;
        }
        return calendar.addWorkingTime(resumedAt, calendar.workingTimeBetween(pausedAt, moment));
    }

    /** PENDING until climbed; DONE when the step ran; SKIPPED when it no longer applied. */
    public enum RungState {
        PENDING, DONE, SKIPPED
    }

    /** One step at its moment on the ticket's calendar. */
    public static final class Rung implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Escalation step;
        private Instant at;
        private int index;
        private RungState state = RungState.PENDING;

        private Rung(Escalation step, Instant at) {
            this.step = step;
            this.at = at;
        }

        public Escalation step() {
            return step;
        }

        public Instant at() {
            return at;
        }

        /** The rung's place on the ladder, from 0: with the process instance it names one firing. */
        public int index() {
            return index;
        }

        public RungState state() {
            return state;
        }

        @Override
        public String toString() {
            return index + ": " + step + " at " + at + " " + state;
        }
    }
}
