package io.turnaround.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analysts' calendar files: rules/calendars/<name>.calendar and the .ics files they name. */
class CalendarFilesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");

    private static final String BERLIN_SUPPORT = """
            # Berlin support desk: a lunch break on weekdays, a short Saturday.
            zone = Europe/Berlin
            hours = MON-FRI 08:30-12:00 13:00-17:30   # split shift
            hours = SAT 10:00-14:00
            holidays = 2026-10-03, 2026-12-24
            holidays =
            holiday-files = us-holidays.ics
            """;

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static NamedCalendars parse(Map<String, String> files) {
        return CalendarFiles.parse(files, TODAY);
    }

    @Test
    void aCalendarFileIsNamedByItsFileAndReadsLikeTheOpeningHoursItGives() {
        NamedCalendars calendars = parse(Map.of(
                "rules/calendars/berlin-support.calendar", BERLIN_SUPPORT,
                "rules/calendars/us-holidays.ics", IcsHolidaysTest.fixture("us-holidays.ics"),
                "rules/sla.drl", "not a calendar"));

        assertThat(calendars.names()).containsExactly("berlin-support");
        BusinessCalendar berlin = calendars.get("berlin-support");
        assertThat(berlin.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(berlin.isOpenAt(at("2026-11-18T12:30:00+01:00"))).as("lunch").isFalse();
        assertThat(berlin.isOpenAt(at("2026-11-21T11:00:00+01:00"))).as("Saturday").isTrue();
        assertThat(berlin.addWorkingTime(at("2026-11-18T11:30:00+01:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-18T13:30:00+01:00"));
        assertThat(berlin.holidays()).contains(LocalDate.parse("2026-10-03"), LocalDate.parse("2026-12-24"),
                LocalDate.parse("2026-12-25"), LocalDate.parse("2026-11-26"));
    }

    @Test
    void severalDayGroupsMayShareOneLine() {
        BusinessCalendar calendar = parse(Map.of("rules/calendars/shop.calendar",
                "zone = UTC\nhours = MON-FRI 09:00-17:00; SAT,SUN 10:00-12:00\n")).get("shop");

        assertThat(calendar.isOpenAt(at("2026-11-22T11:00:00Z"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a line without '='                | zone = UTC\\nhours = MON 08:00-18:00\\nclosed on Sundays  | 3 | expected 'key = value', got 'closed on Sundays'
        an unknown key                    | zone = UTC\\nhours = MON 08:00-18:00\\nholiday = 2026-12-25 | 3 | unknown key 'holiday'; the keys are zone, hours, holidays, holiday-files
        an unknown zone                   | zone = Pacific Time\\nhours = MON 08:00-18:00            | 1 | unknown time zone 'Pacific Time'
        the zone twice                    | zone = UTC\\nzone = UTC\\nhours = MON 08:00-18:00          | 2 | the zone is given twice
        an unknown day                    | zone = UTC\\nhours = MON-FRY 08:00-18:00                  | 2 | unknown day 'FRY'
        hours closing before they open    | zone = UTC\\nhours = MON 18:00-08:00                      | 2 | closes before it opens
        hours that are not hours          | zone = UTC\\nhours = MON 8-18                             | 2 | expected hours like 08:00-18:00
        hours overlapping an earlier line | zone = UTC\\nhours = MON 08:00-12:00\\nhours = MON 11:00-13:00 | 3 | opening windows overlap on MONDAY
        empty hours                       | zone = UTC\\nhours =                                      | 2 | no opening hours after 'hours ='
        a date that is not a date         | zone = UTC\\nhours = MON 08:00-18:00\\nholidays = 2026-12-25, 2026-13-01 | 3 | '2026-13-01' is not a date like 2026-12-25
        a holiday file that is missing    | zone = UTC\\nhours = MON 08:00-18:00\\nholiday-files = nope.ics | 3 | there is no holiday file rules/calendars/nope.ics
        a holiday file that is not .ics   | zone = UTC\\nhours = MON 08:00-18:00\\nholiday-files = h.txt  | 3 | 'h.txt' is not the name of an .ics file
        no zone                           | hours = MON 08:00-18:00                                   | 0 | no 'zone = …' line
        no hours                          | zone = UTC\\n# nothing else                               | 0 | no 'hours = …' line
        """)
    void aBadCalendarFileIsRefusedNamingTheFileAndLine(String description, String content, int line, String message) {
        String path = "rules/calendars/office.calendar";

        assertThatThrownBy(() -> parse(Map.of(path, content.replace("\\n", "\n"))))
                .as(description)
                .isInstanceOfSatisfying(CalendarFileException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(path);
                            assertThat(p.line()).isEqualTo(line);
                            assertThat(p.message()).contains(message);
                        }));
    }

    @Test
    void badNamesPlacesAndIcsFilesAreRefusedAllAtOnce() {
        Map<String, String> files = new TreeMap<>();
        files.put("rules/calendars/Pacific Office.calendar", "zone = UTC\nhours = MON 08:00-18:00\n");
        files.put("rules/pacific.calendar", "zone = UTC\nhours = MON 08:00-18:00\n");
        files.put("rules/calendars/broken.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n"
                + "DTSTART;VALUE=DATE:2026-12-25\nEND:VEVENT\nEND:VCALENDAR\n");
        files.put("rules/calendars/office.calendar", "zone = UTC\nhours = MON 08:00-18:00\nholiday-files = broken.ics\n");

        assertThatThrownBy(() -> parse(files))
                .isInstanceOfSatisfying(CalendarFileException.class, e -> assertThat(e.problems())
                        .extracting(CalendarProblem::toString)
                        .containsExactlyInAnyOrder(
                                "rules/calendars/Pacific Office.calendar: a calendar's name is lower-case letters, digits"
                                        + " and hyphens, like pacific-office; rename the file",
                                "rules/pacific.calendar: calendar and iCalendar files belong directly in rules/calendars/",
                                "rules/calendars/broken.ics:4: not a valid iCalendar file: Unparseable date: \"2026-12-25\"")
                );
    }

    @Test
    void anUnknownNameListsTheCalendarsThereAre() {
        NamedCalendars calendars = parse(Map.of(
                "rules/calendars/pacific-office.calendar", "zone = America/Los_Angeles\nhours = MON-FRI 08:00-18:00\n",
                "rules/calendars/berlin.calendar", "zone = Europe/Berlin\nhours = MON-FRI 08:00-18:00\n"));

        assertThatThrownBy(() -> calendars.get("pacific"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no calendar named 'pacific'; this policy has: berlin, pacific-office");
        assertThatThrownBy(() -> NamedCalendars.none().get("pacific")).hasMessageContaining("this policy has none");
    }

    @Test
    void namedCalendarsAreSerializable() throws Exception {
        NamedCalendars calendars = parse(Map.of("rules/calendars/shop.calendar", "zone = UTC\nhours = MON 09:00-17:00\n"));

        assertThat(BusinessCalendarTest.roundTrip(calendars).get("shop").isOpenAt(at("2026-11-16T10:00:00Z"))).isTrue();
    }
}
