package io.turnaround.client;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * A client company: its plan, who hosts its platform (and whom to alert when it hosts itself), its time zone, and the
 * monthly licensing fee it pays when its plan does not include licensing (null when none was agreed).
 */
public record Client(long id, String name, Tier tier, Hosting hosting, String hostingContact, ZoneId timeZone,
                     BigDecimal licensingFee) {
}
