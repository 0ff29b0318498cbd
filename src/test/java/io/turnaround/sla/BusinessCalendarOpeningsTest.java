package io.turnaround.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a calendar next opens and closes: what a chat window answers "when can I chat?" with. */
class BusinessCalendarOpeningsTest {

    private static final BusinessCalendar PACIFIC_OFFICE = BusinessCalendar.in("America/Los_Angeles").open("MON-FRI 08:00-18:00");

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void whileOpenTheNextOpeningIsNowAndTheClosingIsTonight() {
        Instant wednesdayMorning = at("2026-11-18T09:15:00-08:00");

        assertThat(PACIFIC_OFFICE.nextOpening(wednesdayMorning)).contains(wednesdayMorning);
        assertThat(PACIFIC_OFFICE.nextClosing(wednesdayMorning)).contains(at("2026-11-18T18:00:00-08:00"));
    }

    @Test
    void openingIsInsideTheWindowAndClosingIsNot() {
        assertThat(PACIFIC_OFFICE.nextOpening(at("2026-11-18T08:00:00-08:00"))).contains(at("2026-11-18T08:00:00-08:00"));
        assertThat(PACIFIC_OFFICE.nextOpening(at("2026-11-20T18:00:00-08:00")))
                .as("closed at 18:00 on Friday: Monday").contains(at("2026-11-23T08:00:00-08:00"));
        assertThat(PACIFIC_OFFICE.nextClosing(at("2026-11-20T17:59:59-08:00"))).contains(at("2026-11-20T18:00:00-08:00"));
    }

    @Test
    void whileClosedTheNextClosingIsTheEndOfTheNextOpenTime() {
        assertThat(PACIFIC_OFFICE.nextClosing(at("2026-11-21T12:00:00-08:00"))).contains(at("2026-11-23T18:00:00-08:00"));
    }

    @Test
    void aWeekendAcrossSpringForwardOpensAtEightInTheNewOffset() {
        // 2026-03-08 02:00 PST becomes 03:00 PDT: Monday opens at 08:00 PDT, 15:00 UTC, an hour earlier in UTC than Friday.
        assertThat(PACIFIC_OFFICE.nextOpening(at("2026-03-07T12:00:00-08:00"))).contains(at("2026-03-09T15:00:00Z"));
        assertThat(PACIFIC_OFFICE.nextOpening(at("2026-03-06T19:00:00-08:00"))).contains(at("2026-03-09T15:00:00Z"));
        assertThat(PACIFIC_OFFICE.nextClosing(at("2026-03-07T12:00:00-08:00"))).contains(at("2026-03-10T01:00:00Z"));
    }

    @Test
    void aWeekendAcrossFallBackOpensAtEightInTheNewOffset() {
        // 2026-11-01 02:00 PDT becomes 01:00 PST: Monday opens at 08:00 PST, 16:00 UTC.
        assertThat(PACIFIC_OFFICE.nextOpening(at("2026-10-31T12:00:00-07:00"))).contains(at("2026-11-02T16:00:00Z"));
        assertThat(PACIFIC_OFFICE.nextClosing(at("2026-11-02T09:00:00-08:00"))).contains(at("2026-11-03T02:00:00Z"));
    }

    @Test
    void anOpeningInTheSpringForwardGapIsAfterTheGap() {
        BusinessCalendar earlyShift = BusinessCalendar.in("America/Los_Angeles").open("SUN 02:30-05:00");

        // 02:30 does not exist on 2026-03-08: the shift opens at 03:30 PDT.
        assertThat(earlyShift.nextOpening(at("2026-03-08T00:00:00-08:00"))).contains(at("2026-03-08T03:30:00-07:00"));
        assertThat(earlyShift.nextClosing(at("2026-03-08T00:00:00-08:00"))).contains(at("2026-03-08T05:00:00-07:00"));
    }

    @Test
    void holidaysAreSkipped() {
        BusinessCalendar withThanksgiving = PACIFIC_OFFICE.holidays("2026-11-26, 2026-11-27");

        assertThat(withThanksgiving.nextOpening(at("2026-11-25T18:00:00-08:00"))).contains(at("2026-11-30T08:00:00-08:00"));
        assertThat(withThanksgiving.nextOpening(at("2026-11-26T10:00:00-08:00"))).contains(at("2026-11-30T08:00:00-08:00"));
    }

    @Test
    void aClientsHolidayInAnotherZoneOpensAndClosesMidDay() {
        // Monday 2026-03-30 in Paris is 2026-03-29 15:00 to 2026-03-30 15:00 Pacific.
        BusinessCalendar closed = PACIFIC_OFFICE.closedOn(ZoneId.of("Europe/Paris"), List.of(LocalDate.parse("2026-03-30")));

        assertThat(closed.nextOpening(at("2026-03-30T09:00:00-07:00"))).contains(at("2026-03-30T15:00:00-07:00"));
        assertThat(closed.nextClosing(at("2026-03-27T09:00:00-07:00"))).contains(at("2026-03-27T18:00:00-07:00"));
        assertThat(BusinessCalendar.aroundTheClock().closedOn(ZoneId.of("Europe/Paris"), List.of(LocalDate.parse("2026-03-30")))
                .nextClosing(at("2026-03-27T09:00:00Z"))).contains(at("2026-03-29T22:00:00Z"));
    }

    @Test
    void windowsThatTouchOverMidnightAreOneOpenTime() {
        BusinessCalendar nightShift = BusinessCalendar.in("Europe/London").open("SUN 22:00-24:00; MON 00:00-06:00");

        assertThat(nightShift.nextClosing(at("2026-06-07T23:00:00+01:00"))).contains(at("2026-06-08T06:00:00+01:00"));
        assertThat(nightShift.nextOpening(at("2026-06-08T07:00:00+01:00"))).contains(at("2026-06-14T22:00:00+01:00"));
    }

    @Test
    void theTwentyFourSevenClockIsAlwaysOpenAndNeverCloses() {
        Instant any = at("2026-11-21T03:00:00Z");

        assertThat(BusinessCalendar.aroundTheClock().nextOpening(any)).contains(any);
        assertThat(BusinessCalendar.aroundTheClock().nextClosing(any)).isEmpty();
    }

    @Test
    void aCalendarWithNoOpeningHoursNeverOpens() {
        BusinessCalendar none = BusinessCalendar.in("America/Los_Angeles");

        assertThat(none.nextOpening(at("2026-11-21T03:00:00Z"))).isEmpty();
        assertThat(none.nextClosing(at("2026-11-21T03:00:00Z"))).isEmpty();
    }

    @Test
    void aYearOfHolidaysIsSearchedThroughButNotForever() {
        BusinessCalendar mondays = BusinessCalendar.in("America/Los_Angeles").open("MON 08:00-18:00")
                .holidays(mondaysFrom(LocalDate.parse("2026-11-30"), 56));

        assertThat(mondays.nextOpening(at("2026-11-28T12:00:00-08:00")))
                .as("the 57th Monday, 394 days later").contains(at("2027-12-27T08:00:00-08:00"));
        assertThat(mondays.holidays(mondaysFrom(LocalDate.parse("2027-12-27"), 60)).nextOpening(at("2026-11-28T12:00:00-08:00")))
                .as("nothing open within " + BusinessCalendar.OPENING_SEARCH_DAYS + " days").isEmpty();
    }

    private static List<LocalDate> mondaysFrom(LocalDate first, int count) {
        List<LocalDate> mondays = new ArrayList<>();
        LocalDate monday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < count; i++, monday = monday.plusWeeks(1)) {
            mondays.add(monday);
        }
        return mondays;
    }
}
