package io.turnaround.sla;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

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

    @Test
    void springForwardSundayHasTwentyThreeHours() {
        BusinessCalendar sundays = BusinessCalendar.in("America/Los_Angeles").open("SUN 00:00-24:00");

        // 2026-03-08: 02:00 PST jumps to 03:00 PDT.
        assertThat(sundays.workingTimeBetween(at("2026-03-08T00:00:00-08:00"), at("2026-03-09T00:00:00-07:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(sundays.addWorkingTime(at("2026-03-08T01:00:00-08:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-03-08T04:00:00-07:00"));
    }

    @Test
    void anOpeningTimeInTheSpringForwardGapOpensAfterTheGap() {
        BusinessCalendar earlyShift = BusinessCalendar.in("America/Los_Angeles").open("SUN 02:30-05:00");

        // 02:30 does not exist on 2026-03-08: the shift opens at 03:30 PDT and holds 1.5 real hours.
        assertThat(earlyShift.isOpenAt(at("2026-03-08T03:15:00-07:00"))).isFalse();
        assertThat(earlyShift.workingTimeBetween(at("2026-03-08T00:00:00-08:00"), at("2026-03-08T12:00:00-07:00")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void fallBackSundayHasTwentyFiveHours() {
        BusinessCalendar sundays = BusinessCalendar.in("America/Los_Angeles").open("SUN 00:00-24:00");

        // 2026-11-01: 02:00 PDT falls back to 01:00 PST, so 01:00-02:00 happens twice.
        assertThat(sundays.workingTimeBetween(at("2026-11-01T00:00:00-07:00"), at("2026-11-02T00:00:00-08:00")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(sundays.addWorkingTime(at("2026-11-01T00:00:00-07:00"), Duration.ofHours(3)))
                .isEqualTo(at("2026-11-01T02:00:00-08:00"));
        assertThat(sundays.subtractWorkingTime(at("2026-11-01T02:00:00-08:00"), Duration.ofHours(3)))
                .isEqualTo(at("2026-11-01T00:00:00-07:00"));
    }

    /** A night shift, 22:00 to 06:00 every night: the shift that ends on the Sunday of a change is shorter or longer. */
    private static final BusinessCalendar LONDON_NIGHTS = BusinessCalendar.in("Europe/London").open("MON-SUN 00:00-06:00 22:00-24:00");

    @Test
    void aNightShiftIntoTheSundayClocksGoForwardHasSevenHours() {
        // 2026-03-29 01:00 GMT becomes 02:00 BST: Saturday 22:00 GMT to Sunday 06:00 BST is 7 real hours.
        assertThat(LONDON_NIGHTS.workingTimeBetween(at("2026-03-28T21:00:00Z"), at("2026-03-29T12:00:00+01:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(LONDON_NIGHTS.addWorkingTime(at("2026-03-28T22:00:00Z"), Duration.ofHours(7)))
                .isEqualTo(at("2026-03-29T06:00:00+01:00"));
        assertThat(LONDON_NIGHTS.addWorkingTime(at("2026-03-28T22:00:00Z"), Duration.ofHours(8)))
                .as("the eighth hour is worked the next night").isEqualTo(at("2026-03-29T23:00:00+01:00"));
    }

    @Test
    void aNightShiftIntoTheSundayClocksGoBackHasNineHours() {
        // 2026-10-25 02:00 BST becomes 01:00 GMT: Saturday 22:00 BST to Sunday 06:00 GMT is 9 real hours.
        assertThat(LONDON_NIGHTS.workingTimeBetween(at("2026-10-24T21:00:00+01:00"), at("2026-10-25T12:00:00Z")))
                .isEqualTo(Duration.ofHours(9));
        assertThat(LONDON_NIGHTS.subtractWorkingTime(at("2026-10-25T06:00:00Z"), Duration.ofHours(9)))
                .isEqualTo(at("2026-10-24T22:00:00+01:00"));
    }

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aTokyoClientsHolidayClosesThePacificDayItFallsOn() {
        // Thursday 2026-11-19 in Tokyo runs from Wednesday 07:00 to Thursday 07:00 Pacific: the Pacific Wednesday closes.
        BusinessCalendar closed = PACIFIC_OFFICE.closedOn(LocalHolidays.of(TOKYO, List.of(LocalDate.parse("2026-11-19"))));

        assertThat(closed.isOpenAt(at("2026-11-18T10:00:00-08:00"))).isFalse();
        assertThat(closed.isOpenAt(at("2026-11-19T10:00:00-08:00"))).isTrue();
        assertThat(closed.addWorkingTime(at("2026-11-18T09:00:00-08:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-19T10:00:00-08:00"));
        assertThat(closed.subtractWorkingTime(at("2026-11-19T10:00:00-08:00"), Duration.ofHours(3)))
                .isEqualTo(at("2026-11-17T17:00:00-08:00"));
        assertThat(closed.workingTimeBetween(at("2026-11-16T00:00:00-08:00"), at("2026-11-21T00:00:00-08:00")))
                .isEqualTo(Duration.ofHours(40));
    }

    @Test
    void aParisClientsHolidayClosesOnlyPartOfThePacificDay() {
        // Monday 2026-03-30 in Paris (CEST, +02:00) is 2026-03-29 15:00 to 2026-03-30 15:00 Pacific (PDT):
        // of the Pacific Monday, 15:00-18:00 is still open.
        BusinessCalendar closed = PACIFIC_OFFICE.closedOn(PARIS, List.of(LocalDate.parse("2026-03-30")));

        assertThat(closed.workingTimeBetween(at("2026-03-30T00:00:00-07:00"), at("2026-03-31T00:00:00-07:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(closed.isOpenAt(at("2026-03-30T14:59:00-07:00"))).isFalse();
        assertThat(closed.isOpenAt(at("2026-03-30T15:00:00-07:00"))).isTrue();
        assertThat(closed.addWorkingTime(at("2026-03-27T17:00:00-07:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-03-30T16:00:00-07:00"));
    }

    @Test
    void aClientHolidayOnTheDayItsClocksChangeIsTwentyThreeHoursLong() {
        // Sunday 2026-03-29 in Paris has 23 hours: 2026-03-28T23:00Z to 2026-03-29T22:00Z.
        BusinessCalendar closed = BusinessCalendar.aroundTheClock().closedOn(PARIS, List.of(LocalDate.parse("2026-03-29")));

        assertThat(closed.workingTimeBetween(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z")))
                .isEqualTo(Duration.ofHours(48 - 23));
        assertThat(closed.addWorkingTime(at("2026-03-28T22:30:00Z"), Duration.ofHours(1)))
                .isEqualTo(at("2026-03-29T22:30:00Z"));
        assertThat(closed.isOpenAt(at("2026-03-29T21:59:00Z"))).isFalse();
    }

    @Test
    void consecutiveClientHolidaysCloseOneSpanAndOverlapsCountOnce() {
        BusinessCalendar closed = PACIFIC_OFFICE
                .closedOn(TOKYO, List.of(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-20")))
                .closedOn(TOKYO, List.of(LocalDate.parse("2026-11-20")))
                .holidays("2026-11-18");

        // Tokyo's 19th and 20th close Pacific Wednesday 07:00 to Friday 07:00; the Pacific holiday overlaps it.
        assertThat(closed.workingTimeBetween(at("2026-11-16T00:00:00-08:00"), at("2026-11-21T00:00:00-08:00")))
                .isEqualTo(Duration.ofHours(30));
        assertThat(PACIFIC_OFFICE.closedOn(LocalHolidays.none())).isSameAs(PACIFIC_OFFICE);
    }

    @Test
    void closedSpansSurviveSerialization() throws IOException, ClassNotFoundException {
        BusinessCalendar closed = PACIFIC_OFFICE.closedOn(TOKYO, List.of(LocalDate.parse("2026-11-19")));

        BusinessCalendar copy = roundTrip(closed);

        assertThat(copy.isOpenAt(at("2026-11-18T10:00:00-08:00"))).isFalse();
        assertThat(copy.isOpenAt(at("2026-11-19T10:00:00-08:00"))).isTrue();
    }

    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            T copy = (T) in.readObject();
            return copy;
        }
    }
}
