package io.turnaround.policy.facts;

/** Whom a ticket is waiting on; the policy decides which of these pause its SLA clock. */
public enum WaitingOn {
    CUSTOMER, HOSTING_PARTNER, INTERNAL_TEAM
}
