package io.turnaround.billing;

import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.client.Client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client owes for one calendar month in its time zone: the plan's price, the licensing fee where the plan does
 * not include licensing, and the logged time the included hours did not cover, billed at the plan's rate. Money is
 * exact US dollars to the cent; the total is the sum of the lines, each entry's amount already rounded.
 */
public record MonthlyStatement(long clientId, String clientName, Tier tier, ZoneId zone, YearMonth month,
                               int policyVersion, String currency, BigDecimal subscription, Licensing licensing, BigDecimal licensingFee,
                               Duration includedPerMonth, Duration includedUsed, Duration includedLeft,
                               List<KindLine> hours, BigDecimal hoursAmount, List<PricedEntry> entries,
                               BigDecimal total, List<String> warnings) {

    public static final String USD = "USD";

    /** How licensing appears on the statement. */
    public enum Licensing {
        /** The plan includes it: nothing to add. */
        INCLUDED,
        /** The plan does not include it and the client's fee is billed. */
        BILLED,
        /** The plan does not include it but no fee was agreed: left out of the total, with a warning. */
        NOT_AGREED
    }

    /** The month's time of one kind of work charged at one rate: what the included hours covered, what was billed. */
    public record KindLine(WorkKind kind, BigDecimal rate, Duration worked, Duration included, Duration billable,
                           BigDecimal amount) {
    }

    public MonthlyStatement {
        hours = List.copyOf(hours);
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** The statement of the month {@code hours} charged, on the client's plan. */
    public static MonthlyStatement of(Plan plan, Client client, HoursMonth hours) {
        if (plan.tier() != client.tier() || hours.tier() != client.tier() || hours.clientId() != client.id()) {
            throw new IllegalArgumentException("plan " + plan.tier() + ", client " + client.id() + " (" + client.tier()
                    + ") and hours of client " + hours.clientId() + " (" + hours.tier() + ") do not belong together");
        }
        List<String> warnings = new ArrayList<>();
        Licensing licensing = plan.licensingIncluded() ? Licensing.INCLUDED
                : client.licensingFee() != null ? Licensing.BILLED : Licensing.NOT_AGREED;
        BigDecimal fee = licensing == Licensing.BILLED ? cents(client.licensingFee()) : null;
        if (licensing == Licensing.NOT_AGREED) {
            warnings.add("No licensing fee is agreed for " + client.name() + " (the " + plan.tier()
                    + " plan does not include licensing): it is left out of the total.");
        }
        List<KindLine> lines = linesPerKind(hours.entries());
        BigDecimal hoursAmount = cents(hours.billed());
        BigDecimal total = cents(plan.monthlyPrice()).add(fee == null ? BigDecimal.ZERO : fee).add(hoursAmount);
        return new MonthlyStatement(client.id(), client.name(), client.tier(), client.timeZone(), hours.month(),
                hours.policyVersion(), USD,
                cents(plan.monthlyPrice()), licensing, fee, hours.includedPerMonth(), hours.includedUsed(),
                hours.includedLeft(), lines, hoursAmount, hours.entries(), total, warnings);
    }

    /** One line per kind of work and rate, in the order of {@link WorkKind}; the amounts add up the entries'. */
    private static List<KindLine> linesPerKind(List<PricedEntry> entries) {
        Map<WorkKind, Map<BigDecimal, List<PricedEntry>>> grouped = new TreeMap<>();
        for (PricedEntry e : entries) {
            grouped.computeIfAbsent(e.entry().kind(), k -> new TreeMap<>(Comparator.naturalOrder()))
                    .computeIfAbsent(cents(e.rate()), r -> new ArrayList<>()).add(e);
        }
        List<KindLine> lines = new ArrayList<>();
        grouped.forEach((kind, byRate) -> byRate.forEach((rate, list) -> lines.add(new KindLine(kind, rate,
                sum(list, e -> e.entry().work()), sum(list, PricedEntry::included), sum(list, PricedEntry::billable),
                list.stream().map(PricedEntry::amount).reduce(cents(BigDecimal.ZERO), BigDecimal::add)))));
        return lines;
    }

    private static Duration sum(List<PricedEntry> entries, java.util.function.Function<PricedEntry, Duration> part) {
        return entries.stream().map(part).reduce(Duration.ZERO, Duration::plus);
    }

    /** Dollars to the cent; the policy's prices are whole cents already, so this only fixes the scale. */
    static BigDecimal cents(BigDecimal dollars) {
        return dollars.setScale(2, RoundingMode.HALF_UP);
    }

    public boolean licensingBilled() {
        return licensing == Licensing.BILLED;
    }

    /** Hours worked this month, all kinds. */
    public Duration worked() {
        return sum(entries, e -> e.entry().work());
    }

    public Duration billable() {
        return sum(entries, PricedEntry::billable);
    }
}
