package io.turnaround.billing;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.client.Client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.turnaround.policy.PolicyFixtures.shippedRules;

/** Clients, logged time and statements built on the shipped rules, without Spring or a database. */
final class BillingFixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private BillingFixtures() {
    }

    static Client client(Tier tier, BigDecimal licensingFee) {
        return client(tier, licensingFee, "Silverline Media");
    }

    static Client client(Tier tier, BigDecimal licensingFee, String name) {
        return new Client(7, name, tier, Hosting.PARTNER, null, NEW_YORK, licensingFee, null, true);
    }

    /** {@code "DEVELOPMENT PT3H, TRAINING PT4H"}: entries an hour apart from Nov 2, 10:00 New York, in that order. */
    static List<TimeEntry> worked(String entries) {
        List<TimeEntry> worked = new ArrayList<>();
        if (entries == null || entries.isBlank()) {
            return worked;
        }
        Instant at = Instant.parse("2026-11-02T15:00:00Z");
        for (String entry : entries.split(",")) {
            String[] kindAndWork = entry.trim().split(" ");
            worked.add(new TimeEntry(worked.size() + 1, 7, 42L, null, null, WorkKind.valueOf(kindAndWork[0]),
                    Duration.parse(kindAndWork[1]), at.plusSeconds(3600L * worked.size()), "note " + (worked.size() + 1),
                    "dave", at));
        }
        return worked;
    }

    static MonthlyStatement statement(Client client, List<TimeEntry> worked) {
        HoursMonth month = HoursMonth.of(client.id(), client.tier(), NOVEMBER, client.timeZone(), 1,
                shippedRules().plan(client.tier()).includedHoursPerMonth(), worked, shippedRules()::price);
        return MonthlyStatement.of(shippedRules().plan(client.tier()), client, month);
    }
}
