package io.turnaround.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.turnaround.database.GaugeReading;
import io.turnaround.database.MetricsSettings;
import io.turnaround.database.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code turnaround_outbox_backlog}: mail waiting to be sent, and {@code turnaround_outbox_oldest_age_seconds}: how
 * long the oldest of it has waited (0 when none waits). Mail that failed for good is not waiting: managers retry it.
 */
@Component
class OutboxGauges {

    static final String BACKLOG_METRIC = "turnaround.outbox.backlog";
    static final String OLDEST_METRIC = "turnaround.outbox.oldest.age";

    private record Backlog(long mails, Instant oldest) {
    }

    OutboxGauges(JdbcTemplate jdbc, MeterRegistry meters, MetricsSettings settings, Clock clock) {
        GaugeReading<Backlog> backlog = new GaugeReading<>("the outbox's backlog", () -> jdbc.queryForObject(
                "select count(*) as mails, min(created_at) as oldest from outbound_mail where status = 'QUEUED'",
                (rs, n) -> new Backlog(rs.getLong("mails"), Timestamps.instant(rs, "oldest"))),
                new Backlog(0, null), settings, clock);
        Gauge.builder(BACKLOG_METRIC, backlog, reading -> reading.get().mails())
                .description("Mail waiting to be sent").strongReference(true).register(meters);
        Gauge.builder(OLDEST_METRIC, backlog, reading -> {
            Instant oldest = reading.get().oldest();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        }).description("How long the oldest mail waiting to be sent has waited").baseUnit("seconds").strongReference(true)
                .register(meters);
    }
}
