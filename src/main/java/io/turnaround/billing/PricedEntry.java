package io.turnaround.billing;

import io.turnaround.policy.facts.HoursCharge;

import java.math.BigDecimal;
import java.time.Duration;

/** A logged entry as the policy charged it: the part the included hours covered, the part billed, the rate, the amount. */
public record PricedEntry(TimeEntry entry, Duration included, Duration billable, BigDecimal rate, BigDecimal amount) {

    static PricedEntry of(TimeEntry entry, HoursCharge charge) {
        return new PricedEntry(entry, charge.getIncluded(), charge.getBillable(), charge.getRate(), charge.amount());
    }
}
