package io.turnaround.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final BusinessCalendar PACIFIC_OFFICE = BusinessCalendar.in("America/Los_Angeles").open("MON-FRI 08:00-18:00");

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void timeInsideTheDayIsAddedDirectly() {
        assertThat(PACIFIC_OFFICE.addWorkingTime(at("2026-11-18T09:15:00-08:00"), Duration.ofMinutes(90)))
                .isEqualTo(at("2026-11-18T10:45:00-08:00"));
    }

    @Test
    void workEndingExactlyAtClosingIsDueAtClosingNotNextMorning() {
        assertThat(PACIFIC_OFFICE.addWorkingTime(at("2026-11-20T16:00:00-08:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-20T18:00:00-08:00"));
    }

    @Test
    void fridayEveningCarriesOverTheWeekend() {
        assertThat(PACIFIC_OFFICE.addWorkingTime(at("2026-11-20T17:30:00-08:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-23T08:30:00-08:00"));
    }

    @Test
    void requestsReceivedAtNightStartCountingAtOpening() {
        assertThat(PACIFIC_OFFICE.addWorkingTime(at("2026-11-18T02:00:00-08:00"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-18T08:30:00-08:00"));
    }

    @Test
    void holidayDoesNotCountOnTheBusinessClock() {
        BusinessCalendar withThanksgiving = PACIFIC_OFFICE.holidays("2026-11-26, 2026-11-27");

        assertThat(withThanksgiving.addWorkingTime(at("2026-11-25T17:00:00-08:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-30T09:00:00-08:00"));
    }

    @Test
    void holidaysAreDatesInTheCalendarsZoneNotTheServers() {
        BusinessCalendar christmas = PACIFIC_OFFICE.holidays("2026-12-25");

        // 2026-12-25 17:00 Pacific is already 2026-12-26 in UTC: still the Pacific holiday.
        assertThat(christmas.isOpenAt(at("2026-12-25T17:00:00-08:00"))).isFalse();
        assertThat(christmas.isOpenAt(at("2026-12-24T17:00:00-08:00"))).isTrue();
    }

    @Test
    void springForwardWeekendKeepsLocalOpeningHours() {
        // DST starts Sunday 2026-03-08: Friday is PST (-08:00), Monday is PDT (-07:00).
        assertThat(PACIFIC_OFFICE.addWorkingTime(at("2026-03-06T17:00:00-08:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-03-09T09:00:00-07:00"));
    }

    @Test
    void fallBackWeekendKeepsLocalOpeningHours() {
        // DST ends Sunday 2026-11-01: Friday is PDT (-07:00), Monday is PST (-08:00).
        assertThat(PACIFIC_OFFICE.addWorkingTime(at("2026-10-30T17:00:00-07:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-02T09:00:00-08:00"));
    }

    @Test
    void aWindowAcrossTheFallBackHourCountsTheRealHourTwice() {
        BusinessCalendar nightShift = BusinessCalendar.in("America/Los_Angeles").open("SUN 00:00-04:00");

        // On 2026-11-01 the local hour 01:00-02:00 happens twice: the window holds 5 real hours.
        assertThat(nightShift.workingTimeBetween(at("2026-11-01T00:00:00-07:00"), at("2026-11-01T05:00:00-08:00")))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void minutesAndSplitShiftsAreSupported() {
        BusinessCalendar splitShift = BusinessCalendar.in("Europe/Berlin").open("MON-FRI 08:30-12:00 13:15-17:45");

        assertThat(splitShift.addWorkingTime(at("2026-11-18T11:30:00+01:00"), Duration.ofMinutes(45)))
                .isEqualTo(at("2026-11-18T13:30:00+01:00"));
    }

    @Test
    void aroundTheClockCountsEveryMinute() {
        assertThat(BusinessCalendar.aroundTheClock().addWorkingTime(at("2026-11-21T23:50:00Z"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-22T00:20:00Z"));
    }

    @Test
    void subtractingCountsBackOverTheWeekendAndHolidays() {
        BusinessCalendar withHoliday = PACIFIC_OFFICE.holidays("2026-11-23");

        // Tuesday 08:30 less one working hour: 30 minutes on Tuesday, the holiday Monday skipped, 30 on Friday.
        assertThat(withHoliday.subtractWorkingTime(at("2026-11-24T08:30:00-08:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-20T17:30:00-08:00"));
        assertThat(PACIFIC_OFFICE.subtractWorkingTime(at("2026-11-18T12:00:00-08:00"), Duration.ZERO))
                .isEqualTo(at("2026-11-18T12:00:00-08:00"));
        assertThat(BusinessCalendar.aroundTheClock().subtractWorkingTime(at("2026-11-22T01:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-21T23:00:00Z"));
    }

    @Test
    void subtractingIsTheInverseOfAddingAcrossDaylightSaving() {
        Instant start = at("2026-03-06T15:00:00-08:00");
        Instant due = PACIFIC_OFFICE.addWorkingTime(start, Duration.ofHours(12));

        // Three hours on Friday in PST, nine on Monday in PDT (the clocks changed on Sunday the 8th).
        assertThat(due).isEqualTo(at("2026-03-09T17:00:00-07:00"));
        assertThat(PACIFIC_OFFICE.subtractWorkingTime(due, Duration.ofHours(12))).isEqualTo(start);
    }

    @Test
    void workingTimeBetweenIsTheInverseOfAdding() {
        Instant start = at("2026-11-18T16:00:00-08:00");
        Instant due = PACIFIC_OFFICE.addWorkingTime(start, Duration.ofHours(12));

        assertThat(PACIFIC_OFFICE.workingTimeBetween(start, due)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void badOpeningHoursAreRejectedWithTheReason() {
        assertThatThrownBy(() -> BusinessCalendar.in("America/Los_Angeles").open("MON-FRI 18:00-08:00"))
                .hasMessageContaining("closes before it opens");
        assertThatThrownBy(() -> BusinessCalendar.in("America/Los_Angeles").open("FUNDAY 08:00-18:00"))
                .hasMessageContaining("unknown day");
        assertThatThrownBy(() -> BusinessCalendar.in("America/Los_Angeles").open("MON 08:00-12:00 11:00-13:00"))
                .hasMessageContaining("overlap");
    }

    @Test
    void aCalendarWithNoOpeningHoursFailsInsteadOfLoopingForever() {
        assertThatThrownBy(() -> BusinessCalendar.in("UTC").addWorkingTime(Instant.EPOCH, Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
