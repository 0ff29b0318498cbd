package io.turnaround.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code turnaround.metrics.*}.
 *
 * @param gaugesRefresh the gauges read from the database (open tasks, pending timers, the outbox) are read at most
 *                      this often, however often Prometheus scrapes, on every node alike
 * @param scrapeToken   the bearer token Prometheus presents for {@code /actuator/prometheus} (and only there); empty:
 *                      only admins read the metrics
 */
@ConfigurationProperties("turnaround.metrics")
public record MetricsSettings(@DefaultValue("PT10S") Duration gaugesRefresh, String scrapeToken) {
}
