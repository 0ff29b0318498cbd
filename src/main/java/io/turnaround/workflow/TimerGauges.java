package io.turnaround.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.turnaround.database.GaugeReading;
import io.turnaround.database.MetricsSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * {@code turnaround_timers_pending}: the engine's timers waiting to fire (SLA rungs, quote reminders and expiries), one
 * Quartz trigger each, shared by every node.
 */
@Component
class TimerGauges {

    static final String PENDING_METRIC = "turnaround.timers.pending";

    TimerGauges(JdbcTemplate jdbc, MeterRegistry meters, MetricsSettings settings, Clock clock) {
        GaugeReading<Long> pending = new GaugeReading<>("the pending timers",
                () -> jdbc.queryForObject("select count(*) from qrtz_triggers", Long.class), 0L, settings, clock);
        Gauge.builder(PENDING_METRIC, pending, reading -> reading.get()).description("Timers waiting to fire")
                .strongReference(true)
                .register(meters);
    }
}
