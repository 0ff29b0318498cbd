package io.turnaround.policy;

import java.util.List;

/**
 * A scenario whose decision is not the expected one: either the fields that differ, or {@code error} when the
 * policy could not decide at all (then {@code differences} is empty). {@code line} is where the scenario starts.
 */
public record ScenarioFailure(String file, int line, String name, List<ScenarioDifference> differences, String error) {

    public ScenarioFailure {
        differences = List.copyOf(differences);
    }

    /** The scenario's place and name, then one line per differing field with the expected and the actual value. */
    @Override
    public String toString() {
        return file + ':' + line + ' ' + diff();
    }

    /** The scenario's name, then one line per differing field with the expected and the actual value. */
    public String diff() {
        StringBuilder text = new StringBuilder("\"").append(name).append('"');
        if (error != null) {
            text.append("\n  ").append(error);
        }
        int fieldWidth = differences.stream().mapToInt(d -> d.field().length()).max().orElse(0) + 2;
        int expectedWidth = differences.stream().mapToInt(d -> d.expected().length()).max().orElse(0) + 2;
        for (ScenarioDifference d : differences) {
            text.append("\n  ").append(pad(d.field(), fieldWidth))
                    .append("expected ").append(pad(d.expected(), expectedWidth))
                    .append("got ").append(d.actual());
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }
}
