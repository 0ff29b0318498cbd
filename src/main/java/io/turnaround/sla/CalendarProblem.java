package io.turnaround.sla;

/** One problem in a calendar or iCalendar file; {@code line} is 0 when it concerns the whole file. */
public record CalendarProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
