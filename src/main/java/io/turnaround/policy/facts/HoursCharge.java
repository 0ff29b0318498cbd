package io.turnaround.policy.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * A piece of work to charge for: logged time, or the hours of a quote. The question is the plan's tier, the kind of
 * work, how long it is and how much of the month's included hours were already used before it; the rules of
 * {@code rules/entitlements.drl} answer with how much of it the included hours cover, how much is billed, and at
 * which rate. Time is counted in whole minutes; the amount is exact, rounded half-up to the cent.
 */
public final class HoursCharge {

    private final Tier tier;
    private final WorkKind kind;
    private final Duration work;
    private final Duration includedUsedBefore;
    private Duration included;
    private Duration billable;
    private BigDecimal rate;

    public HoursCharge(Tier tier, WorkKind kind, Duration work, Duration includedUsedBefore) {
        this.tier = Objects.requireNonNull(tier, "tier");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.work = requireNotNegative(work, "work");
        this.includedUsedBefore = requireNotNegative(includedUsedBefore, "includedUsedBefore");
    }

    /** The plan's included hours cover as much as is left of them this month; the rest is billed at the rate. */
    public void useIncludedHoursFirst(int includedHoursPerMonth, BigDecimal hourlyRate) {
        Duration left = Duration.ofHours(includedHoursPerMonth).minus(includedUsedBefore);
        Duration covered = left.isNegative() ? Duration.ZERO : left;
        chargeAs(work.compareTo(covered) < 0 ? work : covered, hourlyRate);
    }

    /** All of the work is billed at the rate; the included hours are not touched. */
    public void billAllAt(BigDecimal hourlyRate) {
        chargeAs(Duration.ZERO, hourlyRate);
    }

    private void chargeAs(Duration includedPart, BigDecimal hourlyRate) {
        this.included = includedPart;
        this.billable = work.minus(includedPart);
        this.rate = Objects.requireNonNull(hourlyRate, "hourlyRate");
    }

    public boolean isPriced() {
        return rate != null;
    }

    /** The billed hours times the rate, to the cent. */
    public BigDecimal amount() {
        requirePriced();
        return rate.multiply(BigDecimal.valueOf(billable.toMinutes()))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    public Tier getTier() {
        return tier;
    }

    public WorkKind getKind() {
        return kind;
    }

    public Duration getWork() {
        return work;
    }

    public Duration getIncludedUsedBefore() {
        return includedUsedBefore;
    }

    public Duration getIncluded() {
        requirePriced();
        return included;
    }

    public Duration getBillable() {
        requirePriced();
        return billable;
    }

    public BigDecimal getRate() {
        requirePriced();
        return rate;
    }

    private void requirePriced() {
        if (!isPriced()) {
            throw new IllegalStateException("no rule priced " + this);
        }
    }

    private static Duration requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "HoursCharge{" + tier + " " + kind + " " + work + " after " + includedUsedBefore + " included"
                + (isPriced() ? " -> included " + included + ", billable " + billable + " at " + rate : "") + "}";
    }
}
