package io.turnaround.workflow;

import io.turnaround.sla.Escalation;

import java.time.Instant;

/** What the ticket process asks when a rung of its SLA ladder comes due (task {@code Escalate} in the BPMN). */
public interface SlaEscalations {

    /**
     * Runs the rung's action for the ticket, in the timer's transaction, once: asked again for the same process
     * instance and rung (a retried firing) it answers what it did the first time and does nothing more.
     */
    Climb climb(DueRung rung, Instant firedAt);

    /** A rung that came due: the ticket, the process instance and the rung's place identify one firing. */
    record DueRung(String ticketKey, long processInstanceId, int index, Escalation step, Instant dueAt) {
    }

    /**
     * What happened. {@code done} false means the step no longer applied (see {@code note}); {@code slaStopped} ends
     * the ladder; {@code breachGroup} names the group that gets a "Resolve SLA breach" task; {@code reassignTo} names
     * the group the ticket's open work moves to from {@code reassignFrom}.
     */
    record Climb(boolean done, String note, boolean slaStopped, String breachGroup, String reassignFrom,
                 String reassignTo) {

        public static Climb skipped(String note, boolean slaStopped) {
            return new Climb(false, note, slaStopped, null, null, null);
        }

        public static Climb done(String note) {
            return new Climb(true, note, false, null, null, null);
        }

        public static Climb breached(String note, String group) {
            return new Climb(true, note, false, group, null, null);
        }

        public static Climb reassigned(String note, String fromGroup, String toGroup) {
            return new Climb(true, note, false, null, fromGroup, toGroup);
        }
    }
}
