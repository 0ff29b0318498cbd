package io.turnaround.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DueArithmeticTest {

    private static final BusinessCalendar OFFICE = BusinessCalendar.in("America/Los_Angeles").open("MON-FRI 08:00-18:00");

    @Test
    void businessHoursAreCountedDayByDayInTheCalendarsZone() {
        Instant friday5pm = ZonedDateTime.parse("2026-11-20T17:00:00-08:00[America/Los_Angeles]").toInstant();
        Instant due = OFFICE.addWorkingTime(friday5pm, Duration.ofHours(12));

        assertThat(DueArithmetic.of(OFFICE, friday5pm, Duration.ofHours(12), due)).isEqualTo(
                "12 business hours from Fri 20 Nov 17:00 PST: Fri 1 h, Mon 10 h, Tue 1 h → Tue 24 Nov 09:00 PST");
    }

    @Test
    void aWeekendThatChangesTheClocksShowsBothZoneNames() {
        Instant friday5pm = ZonedDateTime.parse("2026-03-06T17:00:00-08:00[America/Los_Angeles]").toInstant();
        Instant due = OFFICE.addWorkingTime(friday5pm, Duration.ofMinutes(90));

        assertThat(DueArithmetic.of(OFFICE, friday5pm, Duration.ofMinutes(90), due)).isEqualTo(
                "1 h 30 min of business time from Fri 6 Mar 17:00 PST: Fri 1 h, Mon 30 min → Mon 9 Mar 08:30 PDT");
    }

    @Test
    void aLongTurnaroundNamesItsDaysByDate() {
        Instant friday5pm = ZonedDateTime.parse("2026-11-20T17:00:00-08:00[America/Los_Angeles]").toInstant();
        Instant due = OFFICE.addWorkingTime(friday5pm, Duration.ofHours(48));

        assertThat(DueArithmetic.of(OFFICE, friday5pm, Duration.ofHours(48), due)).isEqualTo(
                "48 business hours from Fri 20 Nov 17:00 PST: Fri 20 1 h, Mon 23 10 h, Tue 24 10 h, Wed 25 10 h,"
                        + " Thu 26 10 h, Fri 27 7 h → Fri 27 Nov 15:00 PST");
    }

    @Test
    void aroundTheClockIsOneStep() {
        BusinessCalendar always = BusinessCalendar.in("America/Los_Angeles").open("MON-SUN 00:00-24:00");
        Instant wednesday11pm = ZonedDateTime.parse("2026-11-18T23:00:00-08:00[America/Los_Angeles]").toInstant();

        assertThat(DueArithmetic.of(BusinessCalendar.aroundTheClock(), wednesday11pm, Duration.ofHours(2),
                wednesday11pm.plus(Duration.ofHours(2)))).isEqualTo("2 h around the clock from Thu 19 Nov 07:00 UTC"
                + " → Thu 19 Nov 09:00 UTC");
        assertThat(DueArithmetic.of(always, wednesday11pm, Duration.ofMinutes(30), wednesday11pm.plus(Duration.ofHours(1))))
                .as("a due instant the calendar does not give is named").isEqualTo("30 min of business time from"
                        + " Wed 18 Nov 23:00 PST: Wed 30 min → Wed 18 Nov 23:30 PST; the rules set the due instant to"
                        + " Thu 19 Nov 00:00 PST");
    }
}
