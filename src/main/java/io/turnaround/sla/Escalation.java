package io.turnaround.sla;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of an SLA escalation ladder, as the policy writes it:
 * {@code Escalation.atPercent(80).notifyAssignee()} or {@code Escalation.beforeDue("PT15M").reassignTo("on-call")}.
 * The moment is a share of the turnaround, or a working time before the due instant, both counted on the ticket's
 * SLA calendar, so a step on the business-hours clock always falls in business hours.
 */
public final class Escalation implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Integer percent;
    private final Duration beforeDue;
    private final EscalationAction action;
    private final String group;

    private Escalation(Integer percent, Duration beforeDue, EscalationAction action, String group) {
        this.percent = percent;
        this.beforeDue = beforeDue;
        this.action = action;
        this.group = group;
    }

    /** A step at this share of the turnaround: 50 is half way, 100 the due instant; more than 100 is after it. */
    public static Moment atPercent(int percent) {
        if (percent < 0 || percent > 1000) {
            throw new IllegalArgumentException("an escalation percentage must be 0 to 1000, not " + percent);
        }
        return new Moment(percent, null);
    }

    /** A step this much working time before the due instant, as ISO-8601 ({@code "PT15M"}). */
    public static Moment beforeDue(String isoDuration) {
        Duration before = Duration.parse(isoDuration);
        if (before.isNegative()) {
            throw new IllegalArgumentException("a time before the due instant must not be negative: " + isoDuration);
        }
        return new Moment(null, before);
    }

    public EscalationAction action() {
        return action;
    }

    /** The group a NOTIFY_GROUP, REASSIGN or BREACH step names; null for the others. */
    public String group() {
        return group;
    }

    /** When this step is due for a ticket received at {@code receivedAt} with this turnaround, due at {@code dueAt}. */
    public Instant momentFor(BusinessCalendar calendar, Instant receivedAt, Duration turnaround, Instant dueAt) {
        if (percent != null) {
            return percent == 100 ? dueAt
                    : calendar.addWorkingTime(receivedAt, turnaround.multipliedBy(percent).dividedBy(100));
        }
        return calendar.subtractWorkingTime(dueAt, beforeDue);
    }

    /** Whether the moment is a share of the turnaround (rather than a time before the due instant). */
    public boolean isShareOfTurnaround() {
        return percent != null;
    }

    /** How the policy wrote the moment: "50%" or "PT15M before due". */
    public String moment() {
        return percent != null ? percent + "%" : beforeDue + " before due";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Escalation e && Objects.equals(percent, e.percent) && Objects.equals(beforeDue, e.beforeDue)
                && action == e.action && Objects.equals(group, e.group);
    }

    @Override
    public int hashCode() {
        return Objects.hash(percent, beforeDue, action, group);
    }

    @Override
    public String toString() {
        return "at " + moment() + ": " + action + (group == null ? "" : " " + group);
    }

    /** The first half of a step: when. The action completes it. */
    public static final class Moment {

        private final Integer percent;
        private final Duration beforeDue;

        private Moment(Integer percent, Duration beforeDue) {
            this.percent = percent;
            this.beforeDue = beforeDue;
        }

        public Escalation notifyAssignee() {
            return then(EscalationAction.NOTIFY_ASSIGNEE, null);
        }

        public Escalation notifyGroup(String group) {
            return then(EscalationAction.NOTIFY_GROUP, requireGroup(group));
        }

        public Escalation notifyManagers() {
            return then(EscalationAction.NOTIFY_MANAGERS, null);
        }

        public Escalation reassignTo(String group) {
            return then(EscalationAction.REASSIGN, requireGroup(group));
        }

        public Escalation raisePriority() {
            return then(EscalationAction.RAISE_PRIORITY, null);
        }

        public Escalation breach(String group) {
            return then(EscalationAction.BREACH, requireGroup(group));
        }

        private Escalation then(EscalationAction action, String group) {
            return new Escalation(percent, beforeDue, action, group);
        }

        private static String requireGroup(String group) {
            if (group == null || group.isBlank()) {
                throw new IllegalArgumentException("this escalation needs a group name");
            }
            return group.trim();
        }
    }
}
