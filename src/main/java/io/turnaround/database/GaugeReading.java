package io.turnaround.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A figure read from the database for a gauge: read again only when the last reading is older than the refresh
 * interval, so that scrapes cost the database nothing more. A failed read (the database stalls) keeps the last
 * figure and is logged once until a read succeeds again; a gauge never holds up a scrape.
 */
public final class GaugeReading<T> {

    private static final Logger log = LoggerFactory.getLogger(GaugeReading.class);

    private final String what;
    private final Supplier<T> read;
    private final Duration refresh;
    private final Clock clock;
    private T value;
    private Instant readAt;
    private boolean failing;

    public GaugeReading(String what, Supplier<T> read, T initial, MetricsSettings settings, Clock clock) {
        this.what = what;
        this.read = read;
        this.value = initial;
        this.refresh = settings.gaugesRefresh();
        this.clock = clock;
    }

    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(refresh))) {
            readAt = now;
            try {
                value = read.get();
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Could not read {} for the metrics; the last figure stands until a read succeeds: {}",
                            what, e.toString());
                }
                failing = true;
            }
        }
        return value;
    }
}
