package io.turnaround.ticket;

import io.turnaround.database.DatabaseProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Deletes the Idempotency-Keys that have outlived their retention. Every node may run it at the same time: each
 * deletes what is still there, and a key looked up meanwhile is treated as gone once it is past its retention.
 */
@Component
class ExpiredIdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(ExpiredIdempotencyKeys.class);

    private final IdempotencyKeys keys;
    private final IntakeSettings settings;
    private final Clock clock;
    private final DatabaseProbe database;

    ExpiredIdempotencyKeys(IdempotencyKeys keys, IntakeSettings settings, Clock clock, DatabaseProbe database) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.database = database;
    }

    @Scheduled(fixedDelayString = "${turnaround.intake.idempotency-key-cleanup-every:PT10M}",
            initialDelayString = "${turnaround.intake.idempotency-key-cleanup-every:PT10M}")
    void deleteExpired() {
        if (!database.answering()) {
            return;
        }
        int deleted = keys.deleteOlderThan(clock.instant().minus(settings.idempotencyKeyRetention()));
        if (deleted > 0) {
            log.info("Forgot {} Idempotency-Keys older than {}", deleted, settings.idempotencyKeyRetention());
        }
    }
}
