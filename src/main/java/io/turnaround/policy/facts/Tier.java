package io.turnaround.policy.facts;

/** The support plan a client pays for. */
public enum Tier {
    BRONZE, SILVER, GOLD, PLATINUM
}
