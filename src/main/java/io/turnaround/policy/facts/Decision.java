package io.turnaround.policy.facts;

import io.turnaround.sla.BusinessCalendar;
import io.turnaround.sla.Escalation;
import io.turnaround.sla.NamedCalendars;
import io.turnaround.sla.SlaLadder;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the policy decides for one ticket. The rules fill it in step by step
 * (plan, category, route, SLA target and clock, calendar, due instant); Java only reads it.
 * While the rules decide, it also offers the policy version's named calendars ({@link #calendar(String)}).
 */
public class Decision implements Serializable {

    private static final long serialVersionUID = 1L;

    private Plan plan;
    private Category category;
    private String categoryReason;
    private boolean possibleEmergency;
    private Route route;
    private String candidateGroup;
    private Duration slaTarget;
    private SlaClock slaClock;
    private BusinessCalendar calendar;
    private Instant slaDueAt;
    // The whole set is policy, not part of the decision: kept out of the process state; only the chosen one is stored.
    private transient NamedCalendars calendars;
    // Why it came out so: stored with the ticket, not in the process state.
    private transient List<RuleFired> explanation;
    private transient Parts partsBeforeRule;

    /** A decision with no named calendars to choose from. */
    public Decision() {
        this(NamedCalendars.none());
    }

    /** A decision whose rules may choose among the policy version's named calendars. */
    public Decision(NamedCalendars calendars) {
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /**
     * The policy's calendar of that name (the file rules/calendars/&lt;name&gt;.calendar), for the rules to choose:
     * {@code setCalendar($d.calendar("pacific-office"))}. An unknown name fails, listing the names there are.
     */
    public BusinessCalendar calendar(String name) {
        if (calendars == null) {
            throw new IllegalStateException("the policy's named calendars are only at hand while the rules decide;"
                    + " this decision was restored from storage");
        }
        return calendars.get(name);
    }
    private final List<Escalation> escalations = new ArrayList<>();
    private final EnumSet<WaitingOn> pausesWhileWaitingOn = EnumSet.noneOf(WaitingOn.class);

    public Plan getPlan() {
        return plan;
    }

    public void setPlan(Plan plan) {
        this.plan = plan;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    /** The name of the rule that chose the category, so staff can see why. */
    public String getCategoryReason() {
        return categoryReason;
    }

    public void setCategoryReason(String categoryReason) {
        this.categoryReason = categoryReason;
    }

    /**
     * Whether the rules think this request may be an emergency they could not call one (an outage symptom with no
     * clear scope): staff see a badge and may re-decide it as one with a click.
     */
    public boolean isPossibleEmergency() {
        return possibleEmergency;
    }

    public void setPossibleEmergency(boolean possibleEmergency) {
        this.possibleEmergency = possibleEmergency;
    }

    public Route getRoute() {
        return route;
    }

    public void setRoute(Route route) {
        this.route = route;
    }

    public String getCandidateGroup() {
        return candidateGroup;
    }

    public void setCandidateGroup(String candidateGroup) {
        this.candidateGroup = candidateGroup;
    }

    public Duration getSlaTarget() {
        return slaTarget;
    }

    public void setSlaTarget(Duration slaTarget) {
        this.slaTarget = slaTarget;
    }

    public SlaClock getSlaClock() {
        return slaClock;
    }

    public void setSlaClock(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    public BusinessCalendar getCalendar() {
        return calendar;
    }

    public void setCalendar(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Instant getSlaDueAt() {
        return slaDueAt;
    }

    public void setSlaDueAt(Instant slaDueAt) {
        this.slaDueAt = slaDueAt;
    }

    /** The due instant as ISO-8601 text, the form BPMN timers take. */
    public String getSlaDueAtText() {
        return slaDueAt == null ? null : slaDueAt.toString();
    }

    /**
     * Adds a step to the ticket's escalation ladder, e.g. {@code escalate(Escalation.atPercent(80).notifyAssignee())}.
     * The same step added twice (a rule firing again) is kept once.
     */
    public void escalate(Escalation step) {
        if (!escalations.contains(step)) {
            escalations.add(step);
        }
    }

    public List<Escalation> getEscalations() {
        return List.copyOf(escalations);
    }

    /**
     * The escalation ladder: the steps placed on the SLA calendar, for a process planning at {@code now}, for a ticket
     * whose clock was already paused for {@code pausedSoFar} of working time (null for none).
     */
    public SlaLadder ladder(Instant receivedAt, Instant now, Duration pausedSoFar) {
        Duration paused = pausedSoFar == null ? Duration.ZERO : pausedSoFar;
        if (!isComplete()) {
            // No ladder for a decision with gaps: starting the ticket fails with the gaps named.
            return SlaLadder.plan(List.of(), BusinessCalendar.aroundTheClock(), receivedAt, Duration.ZERO, receivedAt, now);
        }
        return SlaLadder.plan(escalations, calendar, receivedAt, slaTarget, slaDueAt, now, paused);
    }

    /** The policy's answer to "does waiting on {@code on} pause the SLA clock?". */
    public void pauseWhileWaitingOn(WaitingOn on) {
        pausesWhileWaitingOn.add(on);
    }

    public Set<WaitingOn> getPausesWhileWaitingOn() {
        return Set.copyOf(pausesWhileWaitingOn);
    }

    /**
     * The rules that fired on this decision, in order, each with the parts it set and the words it matched; empty
     * for a decision restored from storage.
     */
    public List<RuleFired> getExplanation() {
        return explanation == null ? List.of() : List.copyOf(explanation);
    }

    /** The rule that set the category: the last that changed it; null if none did. */
    public String getCategoryRule() {
        return getExplanation().stream().filter(step -> step.decided().stream().anyMatch(d -> d.startsWith("category ")))
                .reduce((first, second) -> second).map(RuleFired::rule).orElse(null);
    }

    void ruleFiring() {
        partsBeforeRule = parts();
    }

    /** A rule fired on this decision: what it changed since {@link #ruleFiring()}, and what it matched. */
    void ruleFired(String rule, List<MatchedWords> matched) {
        Parts before = partsBeforeRule == null ? new Parts(new Object[PART_NAMES.size()], List.of(), Set.of())
                : partsBeforeRule;
        Parts now = parts();
        List<String> decided = new ArrayList<>();
        for (int i = 0; i < PART_NAMES.size(); i++) {
            if (now.values()[i] != null && !Objects.equals(now.values()[i], before.values()[i])) {
                decided.add(PART_NAMES.get(i) + " " + now.values()[i]);
            }
        }
        // A list shows what the rule added to it.
        now.escalations().stream().filter(step -> !before.escalations().contains(step))
                .forEach(step -> decided.add("escalation " + step));
        now.pauses().stream().filter(on -> !before.pauses().contains(on))
                .forEach(on -> decided.add("pause while waiting on " + on));
        if (explanation == null) {
            explanation = new ArrayList<>();
        }
        explanation.add(new RuleFired(rule, decided, matched));
        partsBeforeRule = null;
    }

    private static final List<String> PART_NAMES =
            List.of("plan", "category", "possibleEmergency", "route", "candidateGroup", "slaTarget", "slaClock",
                    "calendar", "slaDueAt");

    /** The parts made so far, in {@link #PART_NAMES} order, and the lists. */
    private record Parts(Object[] values, List<Escalation> escalations, Set<WaitingOn> pauses) {
    }

    private Parts parts() {
        Object[] values = {plan == null ? null : plan.tier(), category, possibleEmergency ? true : null, route,
            candidateGroup, slaTarget, slaClock == null ? null : slaClock.label(), calendar, slaDueAt};
        return new Parts(values, List.copyOf(escalations), EnumSet.copyOf(pausesWhileWaitingOn));
    }

    /** Whether every part of the decision was made. */
    public boolean isComplete() {
        return plan != null && category != null && route != null && candidateGroup != null
                && slaTarget != null && slaClock != null && slaDueAt != null;
    }

    @Override
    public String toString() {
        return "Decision[" + category + " -> " + route + " (" + candidateGroup + "), " + slaTarget + " " + slaClock + ", due " + slaDueAt
                + ", escalations " + escalations + "]";
    }
}
