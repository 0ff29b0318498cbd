package io.turnaround.sla;

import java.util.List;
import java.util.stream.Collectors;

/** Calendar files that cannot be read, with every problem found (file and line). */
public class CalendarFileException extends RuntimeException {

    private final List<CalendarProblem> problems;

    public CalendarFileException(List<CalendarProblem> problems) {
        super(problems.stream().map(CalendarProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CalendarProblem> problems() {
        return problems;
    }
}
