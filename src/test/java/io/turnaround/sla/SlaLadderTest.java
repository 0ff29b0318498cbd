package io.turnaround.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The ladder's moments on both clocks, with fixed dates: weekends, holidays, pauses and daylight saving. */
class SlaLadderTest {

    private static final BusinessCalendar PACIFIC_OFFICE = BusinessCalendar.in("America/Los_Angeles").open("MON-FRI 08:00-18:00");
    private static final List<Escalation> SHIPPED = List.of(
            Escalation.atPercent(50).notifyAssignee(),
            Escalation.atPercent(80).notifyAssignee(),
            Escalation.atPercent(100).breach("support-managers"));

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static SlaLadder plan(List<Escalation> steps, BusinessCalendar calendar, String received, String turnaround) {
        Instant receivedAt = at(received);
        Duration target = Duration.parse(turnaround);
        return SlaLadder.plan(steps, calendar, receivedAt, target, calendar.addWorkingTime(receivedAt, target), receivedAt);
    }

    private static List<Instant> moments(SlaLadder ladder) {
        return ladder.getRungs().stream().map(SlaLadder.Rung::at).toList();
    }

    @Test
    void businessHoursWarningsOfAFridayEveningTicketFallOnMondayInOfficeHours() {
        SlaLadder ladder = plan(SHIPPED, PACIFIC_OFFICE, "2026-11-20T17:00:00-08:00", "PT12H");

        assertThat(moments(ladder)).containsExactly(
                at("2026-11-23T13:00:00-08:00"),   // 6 h: 1 on Friday, 5 on Monday
                at("2026-11-23T16:36:00-08:00"),   // 9 h 36 min
                at("2026-11-24T09:00:00-08:00"));  // 12 h: the due instant
        assertThat(ladder.getDueAt()).isEqualTo(at("2026-11-24T09:00:00-08:00"));
        ladder.getRungs().stream().filter(r -> r.step().action() != EscalationAction.BREACH)
                .forEach(r -> assertThat(PACIFIC_OFFICE.isOpenAt(r.at())).as("%s in business hours", r).isTrue());
    }

    @Test
    void aroundTheClockStepsCountEveryMinuteAndKeepThePolicysOrderAtTheSameMoment() {
        List<Escalation> platinumEmergency = List.of(SHIPPED.get(0), SHIPPED.get(1), SHIPPED.get(2),
                Escalation.atPercent(50).notifyGroup("on-call"));
        SlaLadder ladder = plan(platinumEmergency, BusinessCalendar.aroundTheClock(), "2026-11-21T02:00:00-08:00", "PT30M");

        assertThat(ladder.getRungs()).extracting(r -> r.step().action(), SlaLadder.Rung::at).containsExactly(
                tuple(EscalationAction.NOTIFY_ASSIGNEE, at("2026-11-21T02:15:00-08:00")),
                tuple(EscalationAction.NOTIFY_GROUP, at("2026-11-21T02:15:00-08:00")),
                tuple(EscalationAction.NOTIFY_ASSIGNEE, at("2026-11-21T02:24:00-08:00")),
                tuple(EscalationAction.BREACH, at("2026-11-21T02:30:00-08:00")));
    }

    @Test
    void aStepBeforeDueCountsBackInWorkingTime() {
        SlaLadder ladder = plan(List.of(Escalation.beforeDue("PT30M").reassignTo("on-call")), PACIFIC_OFFICE,
                "2026-11-20T17:45:00-08:00", "PT30M");

        assertThat(ladder.getDueAt()).isEqualTo(at("2026-11-23T08:15:00-08:00"));
        assertThat(moments(ladder)).containsExactly(at("2026-11-20T17:45:00-08:00"));
    }

    @Test
    void aHolidayIsSkippedByEveryStep() {
        BusinessCalendar thanksgiving = PACIFIC_OFFICE.holidays("2026-11-26, 2026-11-27");
        SlaLadder ladder = plan(SHIPPED, thanksgiving, "2026-11-25T16:00:00-08:00", "PT12H");

        assertThat(moments(ladder)).containsExactly(
                at("2026-11-30T12:00:00-08:00"), at("2026-11-30T15:36:00-08:00"), at("2026-11-30T18:00:00-08:00"));
    }

    @Test
    void pausingOverAWeekendMovesTheDueInstantAndPendingStepsByThePausedWorkingTime() {
        SlaLadder ladder = plan(SHIPPED, PACIFIC_OFFICE, "2026-11-19T16:00:00-08:00", "PT12H");
        assertThat(ladder.getDueAt()).isEqualTo(at("2026-11-20T18:00:00-08:00"));
        SlaLadder.Rung half = ladder.next();
        ladder.settle(half, SlaLadder.RungState.DONE);   // 6 h: Friday 12:00

        assertThat(ladder.pause(at("2026-11-20T13:00:00-08:00"))).isTrue();
        assertThat(ladder.pause(at("2026-11-20T14:00:00-08:00"))).as("already paused").isFalse();
        Duration paused = ladder.resume(at("2026-11-23T09:00:00-08:00"));

        assertThat(paused).isEqualTo(Duration.ofHours(6));   // Friday 13:00-18:00 and Monday 08:00-09:00
        assertThat(ladder.getPausedTotal()).isEqualTo(Duration.ofHours(6));
        assertThat(ladder.getDueAt()).isEqualTo(at("2026-11-23T14:00:00-08:00"));
        assertThat(moments(ladder)).containsExactly(
                at("2026-11-20T12:00:00-08:00"),            // already climbed: stays
                at("2026-11-23T11:36:00-08:00"),            // 2 h 36 min were left at the pause
                at("2026-11-23T14:00:00-08:00"));
        assertThat(ladder.isPaused()).isFalse();
    }

    @Test
    void aPauseOnTheTwentyFourSevenClockAddsTheWholePause() {
        SlaLadder ladder = plan(SHIPPED, BusinessCalendar.aroundTheClock(), "2026-11-21T02:00:00Z", "PT1H");
        ladder.pause(at("2026-11-21T02:10:00Z"));

        assertThat(ladder.resume(at("2026-11-21T05:10:00Z"))).isEqualTo(Duration.ofHours(3));
        assertThat(moments(ladder)).containsExactly(at("2026-11-21T05:30:00Z"), at("2026-11-21T05:48:00Z"),
                at("2026-11-21T06:00:00Z"));
    }

    @Test
    void springForwardAndFallBackKeepBusinessStepsOnLocalOfficeHours() {
        SlaLadder spring = plan(SHIPPED, PACIFIC_OFFICE, "2026-03-06T17:00:00-08:00", "PT12H");
        SlaLadder fall = plan(SHIPPED, PACIFIC_OFFICE, "2026-10-30T17:00:00-07:00", "PT12H");

        assertThat(moments(spring)).containsExactly(at("2026-03-09T13:00:00-07:00"), at("2026-03-09T16:36:00-07:00"),
                at("2026-03-10T09:00:00-07:00"));
        assertThat(moments(fall)).containsExactly(at("2026-11-02T13:00:00-08:00"), at("2026-11-02T16:36:00-08:00"),
                at("2026-11-03T09:00:00-08:00"));
    }

    @Test
    void theTwentyFourSevenClockCountsTheRepeatedHourOfFallBack() {
        // 01:00-02:00 happens twice on 2026-11-01 in Los Angeles: two hours after 00:30 PDT is 01:30 PST.
        SlaLadder ladder = plan(SHIPPED, BusinessCalendar.aroundTheClock(), "2026-11-01T00:30:00-07:00", "PT2H");

        assertThat(moments(ladder)).containsExactly(at("2026-11-01T01:30:00-07:00"), at("2026-11-01T01:06:00-08:00"),
                at("2026-11-01T01:30:00-08:00"));
    }

    @Test
    void aPauseAcrossTheSpringForwardWeekendCountsOnlyOfficeHours() {
        SlaLadder ladder = plan(SHIPPED, PACIFIC_OFFICE, "2026-03-05T16:00:00-08:00", "PT12H");
        ladder.pause(at("2026-03-06T16:00:00-08:00"));

        assertThat(ladder.resume(at("2026-03-09T10:00:00-07:00"))).isEqualTo(Duration.ofHours(4));
        // 12 h from Thursday 16:00 was due Friday 18:00; the 2 h left at the pause run from Monday 10:00 PDT.
        assertThat(ladder.getDueAt()).isEqualTo(at("2026-03-09T12:00:00-07:00"));
    }

    @Test
    void aLadderPlannedLateSkipsWarningsWhoseMomentPassedButKeepsTheBreach() {
        Instant received = at("2026-11-21T02:00:00Z");
        Duration target = Duration.ofHours(1);
        SlaLadder ladder = SlaLadder.plan(SHIPPED, BusinessCalendar.aroundTheClock(), received, target,
                received.plus(target), at("2026-11-21T03:10:00Z"));

        assertThat(ladder.getRungs()).extracting(SlaLadder.Rung::state)
                .containsExactly(SlaLadder.RungState.SKIPPED, SlaLadder.RungState.SKIPPED, SlaLadder.RungState.PENDING);
        assertThat(ladder.next().step().action()).isEqualTo(EscalationAction.BREACH);
        assertThat(ladder.getNextAtText()).isEqualTo("2026-11-21T03:00:00Z");
    }

    @Test
    void aReDecidedTicketKeepsTheWorkingTimeItSpentPaused() {
        // Received Thursday 16:00 with 12 h on the office clock; before it was re-decided it had waited 3 office hours.
        Instant received = at("2026-11-19T16:00:00-08:00");
        Duration target = Duration.ofHours(12);
        Instant due = PACIFIC_OFFICE.addWorkingTime(received, target);
        SlaLadder ladder = SlaLadder.plan(SHIPPED, PACIFIC_OFFICE, received, target, due, received, Duration.ofHours(3));

        assertThat(ladder.getDueAt()).isEqualTo(at("2026-11-23T11:00:00-08:00"));   // Friday 18:00 plus 3 office hours
        assertThat(moments(ladder)).containsExactly(at("2026-11-20T15:00:00-08:00"), at("2026-11-23T08:36:00-08:00"),
                at("2026-11-23T11:00:00-08:00"));
        assertThat(ladder.getPausedTotal()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aStoppedLadderHasNothingMoreToClimbAndCannotPause() {
        SlaLadder ladder = plan(SHIPPED, BusinessCalendar.aroundTheClock(), "2026-11-21T02:00:00Z", "PT1H");
        ladder.stop();

        assertThat(ladder.hasNext()).isFalse();
        assertThat(ladder.pause(at("2026-11-21T02:10:00Z"))).isFalse();
    }
}
