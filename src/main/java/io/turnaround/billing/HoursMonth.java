package io.turnaround.billing;

import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Tier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One client's calendar month of logged time, each entry charged in the order it was worked: earlier work uses the
 * included hours first. Everything is derived from the entries and the policy version {@code policyVersion}; nothing
 * is stored.
 */
public record HoursMonth(long clientId, Tier tier, YearMonth month, ZoneId zone, int policyVersion,
                         Duration includedPerMonth, List<PricedEntry> entries) {

    /** Charges each entry by the policy ({@code price}), counting the included time the entries before it used. */
    static HoursMonth of(long clientId, Tier tier, YearMonth month, ZoneId zone, int policyVersion,
                         int includedHoursPerMonth, List<TimeEntry> worked, UnaryOperator<HoursCharge> price) {
        List<PricedEntry> priced = new ArrayList<>();
        Duration usedBefore = Duration.ZERO;
        for (TimeEntry entry : worked) {
            HoursCharge charge = price.apply(new HoursCharge(tier, entry.kind(), entry.work(), usedBefore));
            priced.add(PricedEntry.of(entry, charge));
            usedBefore = usedBefore.plus(charge.getIncluded());
        }
        return new HoursMonth(clientId, tier, month, zone, policyVersion, Duration.ofHours(includedHoursPerMonth),
                List.copyOf(priced));
    }

    /** The first instant of the month in the zone (midnight, or the first moment after a daylight-saving gap). */
    public static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the month. */
    public static Instant end(YearMonth month, ZoneId zone) {
        return start(month.plusMonths(1), zone);
    }

    public Duration worked() {
        return entries.stream().map(e -> e.entry().work()).reduce(Duration.ZERO, Duration::plus);
    }

    public Duration includedUsed() {
        return entries.stream().map(PricedEntry::included).reduce(Duration.ZERO, Duration::plus);
    }

    /** What is left of the month's included time; never below zero. */
    public Duration includedLeft() {
        Duration left = includedPerMonth.minus(includedUsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public Duration billable() {
        return entries.stream().map(PricedEntry::billable).reduce(Duration.ZERO, Duration::plus);
    }

    /** The sum of the entries' amounts, each already rounded to the cent. */
    public BigDecimal billed() {
        return entries.stream().map(PricedEntry::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
