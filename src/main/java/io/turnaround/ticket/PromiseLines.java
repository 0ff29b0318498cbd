package io.turnaround.ticket;

import io.turnaround.policy.facts.Decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The history lines that make and settle a ticket's promise, written here and read back here, so that the promises
 * can be rebuilt from the history ({@link PromiseRebuild}). Lines written before a part was added lack it; their
 * reading says so with a null.
 */
final class PromiseLines {

    private static final Pattern DECIDED = Pattern.compile("(?<category>[A-Z_]+) \\((?<reason>.*)\\) -> (?<route>[A-Z_]+)"
            + " for (?<group>.*?), (?:(?<tier>[A-Z]+) plan: )?(?<target>P\\S+) on the (?<clock>\\S+) clock,"
            + " due (?<due>\\S+?)(?: \\(after (?<paused>P\\S+) paused\\))?", Pattern.DOTALL);
    private static final Pattern STOPPED = Pattern.compile("assigned to (?<assignee>.+) at \\S+, due \\S+:"
            + " (?<outcome>met|breached)(?:; ran (?<ran>P\\S+) on its \\S+ clock)?");
    private static final Pattern RESUMED = Pattern.compile(".*; the SLA clock runs again after (?<paused>P\\S+) of paused"
            + " \\S+ time, due (?<due>\\S+)");
    private static final Pattern REOPENED = Pattern.compile("the customer wrote again at (?<at>\\S+);.*");
    private static final Pattern POLICY_ACTOR = Pattern.compile("policy v(?<version>\\d+)");
    static final String PAUSED = "; the SLA clock is paused";

    private PromiseLines() {
    }

    /** A decision as read from its line; {@code tier} is null on lines written before the tier was. */
    record Decided(int policyVersion, String tier, String category, String route, String group, Duration target,
                   String clock, Instant dueAt) {
    }

    /** A clock stopped by an assignment; {@code ran} is null on lines written before it was. */
    record Stopped(String assignee, String outcome, Duration ran) {
    }

    /** A paused clock running again: the working time it was paused, and its new due instant. */
    record Resumed(Duration paused, Instant dueAt) {
    }

    static String decided(Decision decision, Instant dueAt, Duration pausedSoFar) {
        return decision.getCategory() + " (" + decision.getCategoryReason() + ") -> " + decision.getRoute() + " for "
                + decision.getCandidateGroup() + ", " + decision.getPlan().tier() + " plan: " + decision.getSlaTarget()
                + " on the " + decision.getSlaClock().label() + " clock, due " + dueAt
                + (pausedSoFar.isZero() ? "" : " (after " + pausedSoFar + " paused)");
    }

    static String stopped(String assignee, Instant at, Instant dueAt, String outcome, Duration ran, String clock) {
        return "assigned to " + assignee + " at " + at + ", due " + dueAt + ": " + ("MET".equals(outcome) ? "met"
                : "breached") + "; ran " + ran + " on its " + clock + " clock";
    }

    static Optional<Decided> readDecided(String actor, String detail) {
        Matcher actorMatch = POLICY_ACTOR.matcher(actor);
        Matcher m = DECIDED.matcher(detail);
        if (!actorMatch.matches() || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Decided(Integer.parseInt(actorMatch.group("version")), m.group("tier"),
                m.group("category"), m.group("route"), m.group("group"), Duration.parse(m.group("target")),
                m.group("clock"), Instant.parse(m.group("due"))));
    }

    static Optional<Stopped> readStopped(String detail) {
        Matcher m = STOPPED.matcher(detail);
        return m.matches() ? Optional.of(new Stopped(m.group("assignee"), "met".equals(m.group("outcome")) ? "MET"
                : "BREACHED", m.group("ran") == null ? null : Duration.parse(m.group("ran")))) : Optional.empty();
    }

    static Optional<Resumed> readResumed(String detail) {
        Matcher m = RESUMED.matcher(detail);
        return m.matches() ? Optional.of(new Resumed(Duration.parse(m.group("paused")), Instant.parse(m.group("due"))))
                : Optional.empty();
    }

    static boolean pausedTheClock(String waitingDetail) {
        return waitingDetail != null && waitingDetail.endsWith(PAUSED);
    }

    /** When the reply that reopened a ticket came: its new clock's start. */
    static Optional<Instant> readReopenedAt(String detail) {
        Matcher m = REOPENED.matcher(detail);
        return m.matches() ? Optional.of(Instant.parse(m.group("at"))) : Optional.empty();
    }
}
