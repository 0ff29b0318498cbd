package io.turnaround.policy.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which minutes count towards a turnaround. */
public enum SlaClock {
    /** Every minute counts. */
    TWENTY_FOUR_SEVEN("24x7"),
    /** Only the business calendar's opening hours count. */
    BUSINESS_HOURS("BUSINESS_HOURS");

    private final String label;

    SlaClock(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
