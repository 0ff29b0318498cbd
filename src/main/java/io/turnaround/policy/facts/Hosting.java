package io.turnaround.policy.facts;

/** Who hosts the client's platform: our hosting partner or the client. */
public enum Hosting {
    PARTNER, SELF
}
