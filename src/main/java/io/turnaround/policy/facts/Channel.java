package io.turnaround.policy.facts;

/** How a request reached us. */
public enum Channel {
    EMAIL, WEB, API, CHAT
}
