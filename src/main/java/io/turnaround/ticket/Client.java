package io.turnaround.ticket;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;

import java.time.ZoneId;

/** A client company: its plan, who hosts its platform (and whom to alert when it hosts itself), its time zone. */
public record Client(long id, String name, Tier tier, Hosting hosting, String hostingContact, ZoneId timeZone) {
}
