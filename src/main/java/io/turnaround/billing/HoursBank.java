package io.turnaround.billing;

import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.ticket.Client;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A client's included hours and what its logged time costs, month by month in the client's time zone, computed from
 * the time log by the active policy's plan and pricing rules.
 */
@Service
public class HoursBank {

    private final TimeLog log;
    private final ActivePolicy policy;

    HoursBank(TimeLog log, ActivePolicy policy) {
        this.log = log;
        this.policy = policy;
    }

    /** The calendar month an instant falls in for the client. */
    public static YearMonth monthOf(Client client, Instant at) {
        return YearMonth.from(at.atZone(client.timeZone()));
    }

    public HoursMonth month(Client client, YearMonth month) {
        Plan plan = policy.plan(client.tier());
        return HoursMonth.of(client.id(), client.tier(), month, client.timeZone(), plan.includedHoursPerMonth(),
                log.between(client.id(), HoursMonth.start(month, client.timeZone()), HoursMonth.end(month, client.timeZone())),
                policy::price);
    }

    /** What work not yet logged would cost if it were worked at {@code at}: after the time already logged that month. */
    public HoursCharge price(Client client, WorkKind kind, Duration work, Instant at) {
        Duration usedBefore = month(client, monthOf(client, at)).includedUsed();
        return policy.price(new HoursCharge(client.tier(), kind, work, usedBefore));
    }
}
