package io.turnaround.client;

import io.swagger.v3.oas.annotations.media.Schema;
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
public record Client(@Schema(example = "4") long id, @Schema(example = "Goldcrest Live") String name,
                     @Schema(example = "GOLD") Tier tier, @Schema(example = "SELF") Hosting hosting,
                     @Schema(description = "Whom to alert when the client hosts itself",
                             example = "ops@goldcrest.example")
                     String hostingContact,
                     @Schema(example = "America/Los_Angeles") ZoneId timeZone,
                     @Schema(description = "Monthly, when the plan does not include licensing", example = "400.00")
                     BigDecimal licensingFee,
                     @Schema(example = "2026-01-01") LocalDate planStart, boolean enabled) {
}
