package io.turnaround.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code turnaround.retention.*}: how long each kind of data is kept, and how the job runs. A period left empty keeps
 * that kind for ever. The ticket, its history, conversation and time log are always kept.
 *
 * @param cron           when each node tries to run the job (Spring cron, the server's time zone; {@code -}: never);
 *                       only one node at a time runs it, the others skip it
 * @param batchSize      rows (or process instances) per transaction
 * @param lease          how long a node holds the job without finishing a batch before another node may take over
 * @param rawMail        raw messages of mail that became a ticket or a reply, or was ignored (by when it came)
 * @param sentMail       outbox rows of mail that was sent (by when it was sent); the ticket's history keeps the fact
 * @param engineLogs     the engine's audit and log rows of tickets resolved this long ago
 * @param completedTasks the engine's finished tasks of tickets resolved this long ago
 * @param attachments    attachments' content of tickets resolved this long ago (empty by default: kept)
 */
@ConfigurationProperties("turnaround.retention")
public record RetentionSettings(@DefaultValue("0 30 3 * * *") String cron,
                                @DefaultValue("500") int batchSize,
                                @DefaultValue("PT10M") Duration lease,
                                Duration rawMail,
                                Duration sentMail,
                                Duration engineLogs,
                                Duration completedTasks,
                                Duration attachments) {

    public RetentionSettings {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("turnaround.retention.batch-size must be 1 to 10000, not " + batchSize);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("turnaround.retention.lease must be positive, not " + lease);
        }
        requireNotNegative("raw-mail", rawMail);
        requireNotNegative("sent-mail", sentMail);
        requireNotNegative("engine-logs", engineLogs);
        requireNotNegative("completed-tasks", completedTasks);
        requireNotNegative("attachments", attachments);
    }

    private static void requireNotNegative(String name, Duration period) {
        if (period != null && period.isNegative()) {
            throw new IllegalArgumentException("turnaround.retention." + name + " must not be negative, not " + period
                    + " (leave it empty to keep that data for ever)");
        }
    }

    static Optional<Duration> kept(Duration period) {
        return Optional.ofNullable(period);
    }
}
