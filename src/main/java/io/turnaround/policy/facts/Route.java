package io.turnaround.policy.facts;

/** Where a ticket goes. */
public enum Route {
    HOSTING_PARTNER, CLIENT_HOSTING, DEV_TEAM, SUPPORT_DESK, CUSTOM_QUOTE, TRAINING
}
