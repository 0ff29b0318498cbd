package io.turnaround.client;

import java.util.List;

/** A holiday list or iCalendar upload that cannot be taken, with each problem's place (a field or a line). */
public class InvalidHolidaysException extends RuntimeException {

    /** Where the problem is ({@code [2].date}, {@code line 14}) and what it is. */
    public record Problem(String where, String message) {
    }

    private final List<Problem> problems;

    public InvalidHolidaysException(String summary, List<Problem> problems) {
        super(summary);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
