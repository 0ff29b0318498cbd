package io.turnaround.sla;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** iCalendar holiday files: all-day events become dates, recurring ones are expanded around the load date. */
class IcsHolidaysTest {

    private static final LocalDate LOADED_IN_2026 = LocalDate.parse("2026-06-01");

    static String fixture(String name) {
        try (InputStream in = IcsHolidaysTest.class.getResourceAsStream("/calendars/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LocalDate> dates(List<IcsHolidays.Holiday> holidays) {
        return holidays.stream().map(IcsHolidays.Holiday::date).toList();
    }

    @Test
    void aYearlyChristmasIsExpandedFromLastYearToFiveYearsAhead() {
        List<IcsHolidays.Holiday> holidays = IcsHolidays.parse("us-holidays.ics", fixture("us-holidays.ics"), LOADED_IN_2026);

        assertThat(holidays).filteredOn(h -> h.name().equals("Christmas Day")).extracting(IcsHolidays.Holiday::date)
                .containsExactly(LocalDate.parse("2025-12-25"), LocalDate.parse("2026-12-25"), LocalDate.parse("2027-12-25"),
                        LocalDate.parse("2028-12-25"), LocalDate.parse("2029-12-25"), LocalDate.parse("2030-12-25"),
                        LocalDate.parse("2031-12-25"));
    }

    @Test
    void aRuleByWeekdayWithADurationAndAnExceptionDate() {
        List<IcsHolidays.Holiday> holidays = IcsHolidays.parse("us-holidays.ics", fixture("us-holidays.ics"), LOADED_IN_2026);

        // The fourth Thursday of November and the Friday after; 2027 is excluded by EXDATE.
        assertThat(dates(holidays)).contains(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27"),
                        LocalDate.parse("2028-11-23"), LocalDate.parse("2028-11-24"))
                .doesNotContain(LocalDate.parse("2027-11-25"), LocalDate.parse("2027-11-26"));
    }

    @Test
    void aMultiDayEventCoversEachDayUpToItsExclusiveEnd() {
        List<IcsHolidays.Holiday> holidays = IcsHolidays.parse("us-holidays.ics", fixture("us-holidays.ics"), LOADED_IN_2026);

        assertThat(holidays).filteredOn(h -> h.name().equals("Year-end shutdown")).extracting(IcsHolidays.Holiday::date)
                .containsExactly(LocalDate.parse("2026-12-28"), LocalDate.parse("2026-12-29"), LocalDate.parse("2026-12-30"));
    }

    @Test
    void aOneOffEventIsKeptWhateverItsYear() {
        assertThat(dates(IcsHolidays.parse("us-holidays.ics", fixture("us-holidays.ics"), LOADED_IN_2026)))
                .contains(LocalDate.parse("2019-06-10"))
                .doesNotContain(LocalDate.parse("2024-12-25"), LocalDate.parse("2032-12-25"));
    }

    @Test
    void anEventWithATimeOfDayIsRefusedAtItsLine() {
        String ics = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//test//EN
                BEGIN:VEVENT
                UID:a
                DTSTAMP:20250101T000000Z
                DTSTART;VALUE=DATE:20261225
                SUMMARY:Christmas
                END:VEVENT
                BEGIN:VEVENT
                UID:b
                DTSTAMP:20250101T000000Z
                DTSTART:20261224T090000Z
                DTEND:20261224T100000Z
                SUMMARY:Office party
                END:VEVENT
                END:VCALENDAR
                """;

        assertThatThrownBy(() -> IcsHolidays.parse("party.ics", ics, LOADED_IN_2026))
                .isInstanceOfSatisfying(CalendarFileException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo("party.ics");
                            assertThat(p.line()).isEqualTo(10);
                            assertThat(p.message()).contains("'Office party' has a time of day", "only all-day events");
                        }));
    }

    @Test
    void aMalformedFileIsRefusedWithTheParsersLine() {
        String ics = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-12-25\nEND:VEVENT\nEND:VCALENDAR\n";

        assertThatThrownBy(() -> IcsHolidays.parse("broken.ics", ics, LOADED_IN_2026))
                .isInstanceOfSatisfying(CalendarFileException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.line()).isEqualTo(4);
                            assertThat(p.message()).startsWith("not a valid iCalendar file");
                        }));
        assertThatThrownBy(() -> IcsHolidays.parse("empty.ics", "Christmas is on the 25th\n", LOADED_IN_2026))
                .isInstanceOfSatisfying(CalendarFileException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(1)));
    }

    @Test
    void anEventEndingBeforeItStartsIsRefused() {
        String ics = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\nBEGIN:VEVENT\nUID:x\nDTSTAMP:20250101T000000Z\n"
                + "DTSTART;VALUE=DATE:20261225\nDTEND;VALUE=DATE:20261224\nSUMMARY:Backwards\nEND:VEVENT\nEND:VCALENDAR\n";

        assertThatThrownBy(() -> IcsHolidays.parse("x.ics", ics, LOADED_IN_2026))
                .hasMessageContaining("x.ics:4: 'Backwards' ends before it starts");
    }
}
