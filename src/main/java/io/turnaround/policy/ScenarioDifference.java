package io.turnaround.policy;

/** One field of a scenario's decision that is not what the scenario expects, both sides as the analyst reads them. */
public record ScenarioDifference(String field, String expected, String actual) {
}
