package io.turnaround.ticket;

/** How urgently a ticket's work should be taken; an escalation step may raise it. */
public enum Priority {
    NORMAL, HIGH, URGENT;

    /** One level up; URGENT stays URGENT. */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
