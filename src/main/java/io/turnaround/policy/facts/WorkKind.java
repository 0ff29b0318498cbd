package io.turnaround.policy.facts;

/** What staff spent logged time on; the policy decides how each kind is charged (rules/entitlements.drl). */
public enum WorkKind {
    TRAINING, DEVELOPMENT, CUSTOM_WORK
}
