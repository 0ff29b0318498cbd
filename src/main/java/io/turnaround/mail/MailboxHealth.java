package io.turnaround.mail;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@code mail} health component: DOWN when the support mailbox reader has not completed a pass for
 * turnaround.mail.inbound.stalled-after. Part of overall health, not of readiness: the API takes requests either way.
 */
@Component("mailHealthIndicator")
@ConditionalOnProperty("turnaround.mail.inbound.enabled")
class MailboxHealth implements HealthIndicator {

    private final MailboxWatch watch;

    MailboxHealth(MailboxWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        return watch.status().map(s -> {
            Health.Builder health = s.stalled() ? Health.down().withDetail("reason", s.reason()) : Health.up();
            return (s.lastPass() == null ? health : health.withDetail("lastPass", s.lastPass().toString())).build();
        }).orElseGet(() -> Health.unknown().withDetail("reason", "the mailbox reader has not started").build());
    }
}
