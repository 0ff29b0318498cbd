package io.turnaround.policy.facts;

import io.turnaround.sla.BusinessCalendar;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A support plan as the policy defines it (rules/tiers.drl). Money is exact: decimal US dollars.
 * {@code chatHours} is null for plans that offer email only.
 */
public record Plan(Tier tier, BigDecimal monthlyPrice, boolean licensingIncluded,
                   Duration emergencyTurnaround, Duration standardTurnaround,
                   BusinessCalendar chatHours, int includedHoursPerMonth, BigDecimal hourlyRate)
        implements Serializable {

    /** Starts a plan definition; the DRL fills it in with the named setters below. */
    public static Builder of(Tier tier) {
        return new Builder(tier);
    }

    public boolean offersChat() {
        return chatHours != null;
    }

    /** Builds a plan with named values, so the DRL reads like the policy table. */
    public static final class Builder {
        private final Tier tier;
        private BigDecimal monthlyPrice;
        private boolean licensingIncluded;
        private Duration emergencyTurnaround;
        private Duration standardTurnaround;
        private BusinessCalendar chatHours;
        private int includedHoursPerMonth;
        private BigDecimal hourlyRate;

        private Builder(Tier tier) {
            this.tier = tier;
        }

        public Builder monthlyPrice(String dollars) {
            this.monthlyPrice = new BigDecimal(dollars);
            return this;
        }

        public Builder licensingIncluded(boolean included) {
            this.licensingIncluded = included;
            return this;
        }

        /** ISO-8601 duration, e.g. {@code PT30M}, counted on the 24/7 clock. */
        public Builder emergencyTurnaround(String isoDuration) {
            this.emergencyTurnaround = Duration.parse(isoDuration);
            return this;
        }

        /** ISO-8601 duration of working time, e.g. {@code PT48H}, counted on the business-hours clock. */
        public Builder standardTurnaround(String isoDuration) {
            this.standardTurnaround = Duration.parse(isoDuration);
            return this;
        }

        public Builder chatHours(BusinessCalendar hours) {
            this.chatHours = hours;
            return this;
        }

        public Builder emailOnly() {
            this.chatHours = null;
            return this;
        }

        public Builder includedHoursPerMonth(int hours) {
            this.includedHoursPerMonth = hours;
            return this;
        }

        public Builder hourlyRate(String dollars) {
            this.hourlyRate = new BigDecimal(dollars);
            return this;
        }

        public Plan build() {
            if (monthlyPrice == null || emergencyTurnaround == null || standardTurnaround == null || hourlyRate == null) {
                throw new IllegalStateException("plan " + tier + " needs a monthly price, both turnarounds and an hourly rate");
            }
            return new Plan(tier, monthlyPrice, licensingIncluded, emergencyTurnaround, standardTurnaround,
                    chatHours, includedHoursPerMonth, hourlyRate);
        }
    }
}
