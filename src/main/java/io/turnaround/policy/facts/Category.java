package io.turnaround.policy.facts;

/** What kind of request a ticket is. */
public enum Category {
    EMERGENCY, NON_EMERGENCY, CUSTOM_WORK, TRAINING
}
