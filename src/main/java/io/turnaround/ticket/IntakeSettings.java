package io.turnaround.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code turnaround.intake.*}: what {@code POST /api/tickets} accepts. A {@code receivedAt} outside the window would
 * let a caller move a ticket's SLA (a date far ahead silences it, one long past breaches it at once).
 *
 * @param receivedAtMaxAge        how far in the past a request's {@code receivedAt} may lie
 * @param receivedAtMaxAhead      how far ahead of this server's clock it may lie (clocks differ a little)
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key} is remembered; a retry within it finds its ticket
 * @param idempotencyKeyCleanupEvery how often each node deletes the keys past their retention
 */
@ConfigurationProperties("turnaround.intake")
public record IntakeSettings(@DefaultValue("P7D") Duration receivedAtMaxAge,
                             @DefaultValue("PT5M") Duration receivedAtMaxAhead,
                             @DefaultValue("PT24H") Duration idempotencyKeyRetention,
                             @DefaultValue("PT10M") Duration idempotencyKeyCleanupEvery) {
}
