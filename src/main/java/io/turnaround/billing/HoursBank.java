package io.turnaround.billing;

import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.LoadedPolicies;
import io.turnaround.policy.PolicyVersion;
import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.client.Client;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A client's included hours and what its logged time costs, month by month in the client's time zone, computed from
 * the time log. A month is priced by the policy version that was active at its end (the active one while it runs):
 * a policy change takes effect from the month it is made in and leaves the months before it as they were billed.
 */
@Service
public class HoursBank {

    private final TimeLog log;
    private final ActivePolicy policy;
    private final LoadedPolicies policies;
    private final Clock clock;

    HoursBank(TimeLog log, ActivePolicy policy, LoadedPolicies policies, Clock clock) {
        this.log = log;
        this.policy = policy;
        this.policies = policies;
        this.clock = clock;
    }

    /** A month's hours and the plan of the version that priced them, which its statement bills. */
    public record Priced(HoursMonth hours, Plan plan) {
    }

    /** The calendar month an instant falls in for the client. */
    public static YearMonth monthOf(Client client, Instant at) {
        return YearMonth.from(at.atZone(client.timeZone()));
    }

    public HoursMonth month(Client client, YearMonth month) {
        return priced(client, month).hours();
    }

    public Priced priced(Client client, YearMonth month) {
        PolicyVersion version = pricingOf(client, month);
        Plan plan = policies.plan(version, client.tier());
        HoursMonth hours = HoursMonth.of(client.id(), client.tier(), month, client.timeZone(), version.number(),
                plan.includedHoursPerMonth(),
                log.between(client.id(), HoursMonth.start(month, client.timeZone()), HoursMonth.end(month, client.timeZone())),
                charge -> policies.price(version, charge));
        return new Priced(hours, plan);
    }

    /** What work not yet logged would cost if it were worked at {@code at}: after the time already logged that month. */
    public HoursCharge price(Client client, WorkKind kind, Duration work, Instant at) {
        Duration usedBefore = month(client, monthOf(client, at)).includedUsed();
        return policy.price(new HoursCharge(client.tier(), kind, work, usedBefore));
    }

    private PolicyVersion pricingOf(Client client, YearMonth month) {
        Instant end = HoursMonth.end(month, client.timeZone());
        Instant now = clock.instant();
        return policy.activeAt(end.isAfter(now) ? now : end.minusNanos(1));
    }
}
