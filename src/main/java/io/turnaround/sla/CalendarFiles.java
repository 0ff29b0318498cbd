package io.turnaround.sla;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a policy's named calendars: {@code rules/calendars/<name>.calendar}, lines of {@code key = value}
 * with {@code #} comments, and the iCalendar holiday files they refer to ({@code rules/calendars/*.ics}).
 * <pre>
 * zone = America/Los_Angeles
 * hours = MON-FRI 08:00-18:00        # may be repeated; same syntax as BusinessCalendar.open
 * holidays = 2026-12-25, 2027-01-01  # dates in the zone above; may be repeated
 * holiday-files = us-holidays.ics    # files beside this one; may be repeated
 * </pre>
 * Every problem is reported with its file and line, all at once.
 */
public final class CalendarFiles {

    public static final String FOLDER = "rules/calendars/";
    public static final String CALENDAR_SUFFIX = ".calendar";
    public static final String ICS_SUFFIX = ".ics";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> KEYS = List.of("zone", "hours", "holidays", "holiday-files");

    private CalendarFiles() {
    }

    /** Whether the bundle path is a calendar or iCalendar file (wherever it is: misplaced ones are reported). */
    public static boolean isCalendarFile(String path) {
        return path.endsWith(CALENDAR_SUFFIX) || path.endsWith(ICS_SUFFIX);
    }

    /**
     * The named calendars among the files (path to content; other files are ignored); recurring holidays are expanded
     * around {@code today} (see {@link IcsHolidays}). Throws {@link CalendarFileException} listing every problem.
     */
    public static NamedCalendars parse(Map<String, String> files, LocalDate today) {
        List<CalendarProblem> problems = new ArrayList<>();
        Map<String, List<IcsHolidays.Holiday>> icsFiles = new HashMap<>();
        TreeMap<String, String> calendarFiles = new TreeMap<>();
        files.forEach((path, content) -> {
            if (!isCalendarFile(path)) {
                return;
            }
            String name = path.startsWith(FOLDER) ? path.substring(FOLDER.length()) : null;
            if (name == null || name.contains("/")) {
                problems.add(new CalendarProblem(path, 0, "calendar and iCalendar files belong directly in " + FOLDER));
            } else if (path.endsWith(ICS_SUFFIX)) {
                try {
                    icsFiles.put(name, IcsHolidays.parse(path, content, today));
                } catch (CalendarFileException e) {
                    icsFiles.put(name, null);
                    problems.addAll(e.problems());
                }
            } else {
                calendarFiles.put(path, content);
            }
        });
        Map<String, BusinessCalendar> calendars = new TreeMap<>();
        calendarFiles.forEach((path, content) -> {
            String name = path.substring(FOLDER.length(), path.length() - CALENDAR_SUFFIX.length());
            if (!NAME.matcher(name).matches()) {
                problems.add(new CalendarProblem(path, 0, "a calendar's name is lower-case letters, digits and hyphens,"
                        + " like pacific-office; rename the file"));
                return;
            }
            BusinessCalendar calendar = new CalendarFile(path, icsFiles, problems).read(content);
            if (calendar != null) {
                calendars.put(name, calendar);
            }
        });
        if (!problems.isEmpty()) {
            throw new CalendarFileException(problems);
        }
        return NamedCalendars.of(calendars);
    }

    /** One .calendar file being read; problems go to the shared list. */
    private static final class CalendarFile {
        private final String path;
        private final Map<String, List<IcsHolidays.Holiday>> icsFiles;
        private final List<CalendarProblem> problems;
        private final int problemsBefore;
        private ZoneId zone;
        private boolean zoneLine;
        private boolean hoursLine;
        private final List<String> hours = new ArrayList<>();
        private final List<LocalDate> holidays = new ArrayList<>();
        // Validates opening hours as they come, so an overlap is reported at the line that causes it.
        private BusinessCalendar week = BusinessCalendar.in(ZoneOffset.UTC);

        CalendarFile(String path, Map<String, List<IcsHolidays.Holiday>> icsFiles, List<CalendarProblem> problems) {
            this.path = path;
            this.icsFiles = icsFiles;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        BusinessCalendar read(String content) {
            String[] lines = content.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(i + 1, lines[i]);
            }
            // A bad zone or hours line is reported at its line already.
            if (!zoneLine) {
                problem(0, "no 'zone = …' line: name an IANA time zone, like zone = America/Los_Angeles");
            }
            if (!hoursLine) {
                problem(0, "no 'hours = …' line: give the opening hours, like hours = MON-FRI 08:00-18:00");
            }
            if (problems.size() > problemsBefore) {
                return null;
            }
            BusinessCalendar calendar = BusinessCalendar.in(zone);
            for (String spec : hours) {
                calendar = calendar.open(spec);
            }
            return calendar.holidays(holidays);
        }

        private void line(int number, String raw) {
            int comment = raw.indexOf('#');
            String text = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            if (text.isEmpty()) {
                return;
            }
            int equals = text.indexOf('=');
            if (equals < 0) {
                problem(number, "expected 'key = value', got '" + text + "'");
                return;
            }
            String key = text.substring(0, equals).strip();
            String value = text.substring(equals + 1).strip();
            switch (key) {
                case "zone" -> zone(number, value);
                case "hours" -> hours(number, value);
                case "holidays" -> holidays(number, value);
                case "holiday-files" -> holidayFiles(number, value);
                default -> problem(number, "unknown key '" + key + "'; the keys are " + String.join(", ", KEYS));
            }
        }

        private void zone(int number, String value) {
            if (zoneLine) {
                problem(number, "the zone is given twice");
                return;
            }
            zoneLine = true;
            try {
                zone = ZoneId.of(value);
            } catch (DateTimeException e) {
                problem(number, "unknown time zone '" + value + "'; use an IANA name, like America/Los_Angeles");
            }
        }

        private void hours(int number, String value) {
            hoursLine = true;
            if (value.isEmpty()) {
                problem(number, "no opening hours after 'hours ='; write them like MON-FRI 08:00-18:00");
                return;
            }
            try {
                week = week.open(value);
                hours.add(value);
            } catch (IllegalArgumentException | DateTimeException e) {
                problem(number, e.getMessage());
            }
        }

        private void holidays(int number, String value) {
            for (String item : items(value)) {
                try {
                    holidays.add(LocalDate.parse(item));
                } catch (DateTimeParseException e) {
                    problem(number, "'" + item + "' is not a date like 2026-12-25");
                }
            }
        }

        private void holidayFiles(int number, String value) {
            for (String file : items(value)) {
                if (!file.endsWith(ICS_SUFFIX) || file.contains("/")) {
                    problem(number, "'" + file + "' is not the name of an .ics file beside this one");
                } else if (!icsFiles.containsKey(file)) {
                    problem(number, "there is no holiday file " + FOLDER + file);
                } else if (icsFiles.get(file) != null) {
                    // A file that failed to parse has its own problems reported already.
                    icsFiles.get(file).forEach(h -> holidays.add(h.date()));
                }
            }
        }

        private static List<String> items(String value) {
            List<String> items = new ArrayList<>();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }

        private void problem(int line, String message) {
            problems.add(new CalendarProblem(path, line, message));
        }
    }
}
