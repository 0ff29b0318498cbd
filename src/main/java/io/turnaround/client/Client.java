package io.turnaround.client;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A client company: its plan, who hosts its platform (and whom to alert when it hosts itself), its time zone, the
 * monthly licensing fee it pays when its plan does not include licensing (null when none was agreed), when its plan
 * started (null when not recorded), and whether it is served: a disabled client's mail waits in triage.
 */
public record Client(long id, String name, Tier tier, Hosting hosting, String hostingContact, ZoneId timeZone,
                     BigDecimal licensingFee, LocalDate planStart, boolean enabled) {
}
