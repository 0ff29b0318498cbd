package io.turnaround.mail;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the support mailbox is being read: the reader reports every completed pass and every failure here; health
 * and the manager page ask. Empty when the mailbox is not read at all (turnaround.mail.inbound.enabled is false).
 */
@Component
public class MailboxWatch {

    /** The reader's state: {@code stalled} when no pass completed for too long, {@code reason} why, in words. */
    public record Status(boolean stalled, Instant lastPass, String reason) {
    }

    private final Clock clock;
    private final Duration stalledAfter;
    private volatile Instant since;
    private volatile Instant lastPass;
    private volatile String lastFailure;

    MailboxWatch(Clock clock, MailSettings settings) {
        this.clock = clock;
        this.stalledAfter = settings.inbound().stalledAfter();
    }

    void started() {
        since = clock.instant();
    }

    void passCompleted() {
        lastPass = clock.instant();
        lastFailure = null;
    }

    void failed(String why) {
        lastFailure = why;
    }

    public Optional<Status> status() {
        Instant start = since;
        if (start == null) {
            return Optional.empty();
        }
        Instant pass = lastPass;
        Instant reference = pass == null ? start : pass;
        Duration quiet = Duration.between(reference, clock.instant());
        if (quiet.compareTo(stalledAfter) < 0) {
            return Optional.of(new Status(false, pass, null));
        }
        String failure = lastFailure;
        return Optional.of(new Status(true, pass, (pass == null ? "no pass over the mailbox has completed since the"
                + " reader started " + quiet.toSeconds() + " s ago" : "no pass over the mailbox has completed for "
                + quiet.toSeconds() + " s") + (failure == null ? "" : "; last failure: " + failure)));
    }
}
