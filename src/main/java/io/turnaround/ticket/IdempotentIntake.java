package io.turnaround.ticket;

import io.turnaround.staff.Staff;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /api/tickets} with its checks and its {@code Idempotency-Key}. A request with a key its caller used
 * before is answered with the ticket that key made (same request) or refused (another request); a new key is claimed
 * in the transaction that makes the ticket. A second request with a key whose first is still being taken in waits
 * for it (the database holds the claim) and then answers like any repeat; should it not learn the outcome, it is a
 * 409 to retry.
 */
@Service
class IdempotentIntake {

    /** The ticket of a request, what its customer is told, and whether it was made by an earlier request. */
    record Answer(Ticket ticket, String notice, boolean replayed) {
    }

    private final TicketIntake intake;
    private final IdempotencyKeys keys;
    private final Tickets tickets;
    private final IntakeChecks checks;
    private final IntakeSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdempotentIntake(TicketIntake intake, IdempotencyKeys keys, Tickets tickets, IntakeSettings settings,
                     TransactionTemplate transaction, Clock clock) {
        this.intake = intake;
        this.keys = keys;
        this.tickets = tickets;
        this.checks = new IntakeChecks(settings);
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** {@code keyHeader}: the request's Idempotency-Key, or null. */
    Answer receive(NewTicket request, Staff caller, String keyHeader) {
        checks.requireMaySetCategory(request, caller);
        IdempotencyKey key = IdempotencyKey.of(caller.username(), keyHeader);
        Instant now = clock.instant();
        if (key == null) {
            checks.requireReceivedAtInWindow(request, now);
            TicketIntake.Received received = intake.receive(request, caller.username());
            return new Answer(received.ticket(), received.notice(), false);
        }
        String fingerprint = RequestFingerprint.of(request);
        Optional<IdempotencyKeys.Stored> earlier = keys.find(key).filter(stored -> !expired(stored, now));
        if (earlier.isPresent()) {
            return replay(key, earlier.get(), fingerprint);
        }
        // A retry of a request this key already made is answered above, even once its receivedAt has aged out.
        checks.requireReceivedAtInWindow(request, now);
        try {
            return transaction.execute(status -> {
                claim(key, fingerprint, now);
                TicketIntake.Received received = intake.receive(request, caller.username());
                keys.madeTicket(key, received.ticket().id(), received.notice());
                return new Answer(received.ticket(), received.notice(), false);
            });
        } catch (KeyTakenMeanwhile taken) {
            return keys.find(key).map(stored -> replay(key, stored, fingerprint))
                    .orElseThrow(() -> new TicketConflictException("a request with " + IdempotencyKey.HEADER + " '"
                            + key.value() + "' is still being taken in; send it again to learn its ticket"));
        }
    }

    private void claim(IdempotencyKey key, String fingerprint, Instant now) {
        keys.forgetIfOlder(key, now.minus(settings.idempotencyKeyRetention()));
        try {
            keys.claim(key, fingerprint, now);
        } catch (DuplicateKeyException | ConcurrencyFailureException e) { // H2 may give up waiting for the claim
            throw new KeyTakenMeanwhile(e);
        }
    }

    private Answer replay(IdempotencyKey key, IdempotencyKeys.Stored stored, String fingerprint) {
        Ticket ticket = tickets.find(stored.ticketId()).orElseThrow();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new TicketConflictException(IdempotencyKey.HEADER + " '" + key.value() + "' was used for another"
                    + " request, which made " + ticket.key() + "; use a new key for a new request");
        }
        return new Answer(ticket, stored.notice(), true);
    }

    private boolean expired(IdempotencyKeys.Stored stored, Instant now) {
        return stored.createdAt().isBefore(now.minus(settings.idempotencyKeyRetention()));
    }

    /** Another request claimed the key first; its transaction has ended (or we stopped waiting for it). */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile(Throwable cause) {
            super(cause);
        }
    }
}
