package io.turnaround.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.turnaround.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every raw message, from the mailbox or pushed over HTTP, is read here and handed to intake. A message that cannot
 * become a ticket for any reason (unreadable, a value the database refuses, an unexpected error, memory running out
 * while it is read) is kept as unreadable with the reason, so it never holds up the messages after it. Only a fault
 * of the database itself (a lost connection, a timeout) is passed on: nothing is recorded and the message is taken
 * again later.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** The most header bytes kept of a message over the size limit that was pushed whole. */
    private static final int HEADER_BYTES = 1024 * 1024;
    /** {@code turnaround_mail_intake_lag_seconds}. */
    static final String LAG_METRIC = "turnaround.mail.intake.lag";

    private final MailReceiver intake;
    private final MailReceiver.Rules rules;
    private final MeterRegistry meters;
    private final Timer lag;
    private final Clock clock;
    private final long maxMessageBytes;

    MailDelivery(MailReceiver intake, MailSettings settings, MeterRegistry meters, Clock clock) {
        this.intake = intake;
        this.meters = meters;
        this.clock = clock;
        this.lag = Timer.builder(LAG_METRIC).description("From a message's arrival in the mailbox to its being taken in")
                .publishPercentileHistogram().register(meters);
        this.maxMessageBytes = settings.inbound().maxMessageSize().toBytes();
        this.rules = new MailReceiver.Rules(settings.from(), settings.messageIdDomain(), settings.hostingPartner(),
                settings.inbound().maxAttachmentSize().toBytes(), Pattern.compile(settings.partnerReference()),
                settings.reopenWithin());
    }

    /** Whether a message of this many bytes is read from its headers alone. */
    boolean tooLarge(long bytes) {
        return bytes > maxMessageBytes;
    }

    /** Takes in one message; {@code position} is null for mail pushed over HTTP, {@code receivedAt} when it arrived. */
    public MailOutcome deliver(byte[] raw, MailboxPosition position, Instant receivedAt) {
        try (Trace.Scope ignored = traced(position)) {
            MailOutcome outcome = tooLarge(raw.length) ? headersOnly(headersOf(raw), raw.length, position, receivedAt)
                    : whole(raw, position, receivedAt);
            return counted(outcome, position, receivedAt);
        }
    }

    /** Takes in a message over the size limit from its headers ({@code headers}) alone; it was {@code size} bytes. */
    MailOutcome deliverHeaders(byte[] headers, long size, MailboxPosition position, Instant receivedAt) {
        try (Trace.Scope ignored = traced(position)) {
            return counted(headersOnly(headers, size, position, receivedAt), position, receivedAt);
        }
    }

    /** A message the mail server would not hand over: nothing of it could be read, it is listed with {@code reason}. */
    MailOutcome deliverRefused(MailboxPosition position, String reason) {
        try (Trace.Scope ignored = traced(position)) {
            return counted(onceOnly(() -> intake.keepUnreadable(null, position, null, null, reason, false)), null, null);
        }
    }

    /** A message from the mailbox is a unit of work of its own in the log; one pushed over HTTP keeps its request's. */
    private static Trace.Scope traced(MailboxPosition position) {
        return Trace.begin(position == null ? Trace.idOrNew(MDC.get(Trace.REQUEST_ID)) : Trace.newId("mail"));
    }

    private MailOutcome whole(byte[] raw, MailboxPosition position, Instant receivedAt) {
        IncomingMail mail;
        try {
            mail = MimeMail.read(raw, receivedAt);
        } catch (UnreadableMailException e) {
            return unreadable(raw, position, e.getMessage(), false);
        } catch (OutOfMemoryError e) {
            return unreadable(raw, position, "reading it ran out of memory", false);
        } catch (StackOverflowError e) {
            return unreadable(raw, position, "its structure is nested too deep to read", false);
        }
        return taken(mail, position, raw);
    }

    private MailOutcome headersOnly(byte[] headers, long size, MailboxPosition position, Instant receivedAt) {
        String reason = "too large: " + DataSize.ofBytes(size).toKilobytes() + " KB, over the "
                + DataSize.ofBytes(maxMessageBytes).toKilobytes() + " KB limit";
        IncomingMail mail;
        try {
            mail = MimeMail.readHeaders(headers, receivedAt).headersOnly(reason);
        } catch (UnreadableMailException e) {
            return unreadable(headers, position, reason + "; " + e.getMessage(), true);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return unreadable(headers, position, reason + "; its headers could not be read (" + e + ")", true);
        }
        return taken(mail, position, headers);
    }

    private MailOutcome taken(IncomingMail mail, MailboxPosition position, byte[] raw) {
        try {
            return onceOnly(() -> intake.receive(mail, position, rules, raw));
        } catch (RuntimeException e) {
            if (DatabaseFaults.isPassing(e)) {
                throw e;
            }
            log.warn("A message ({}) could not be taken in; it is kept as unreadable", mail.messageId(), e);
            return unreadable(raw, position, "it could not be taken in: " + e, mail.tooLarge() != null);
        } catch (OutOfMemoryError e) {
            return unreadable(raw, position, "taking it in ran out of memory", mail.tooLarge() != null);
        }
    }

    private MailOutcome unreadable(byte[] raw, MailboxPosition position, String reason, boolean tooLarge) {
        MimeMail.Glimpse glimpse = MimeMail.glimpse(raw);
        return onceOnly(() -> intake.keepUnreadable(raw, position, glimpse.sender(), glimpse.subject(), reason, tooLarge));
    }

    /** Counts a message taken in, and for one from the mailbox read for the first time, how long it waited there. */
    private MailOutcome counted(MailOutcome outcome, MailboxPosition position, Instant receivedAt) {
        meters.counter("turnaround.mail.received", "outcome", outcome.kind().name(),
                "duplicate", Boolean.toString(outcome.duplicate())).increment();
        if (position != null && receivedAt != null && !outcome.duplicate()) {
            Duration waited = Duration.between(receivedAt, clock.instant());
            lag.record(waited.isNegative() ? Duration.ZERO : waited);
        }
        return outcome;
    }

    /** The header block of a raw message (up to the first empty line), at most {@link #HEADER_BYTES}. */
    static byte[] headersOf(byte[] raw) {
        int limit = Math.min(raw.length, HEADER_BYTES);
        for (int i = 0; i < limit; i++) {
            if (raw[i] == '\n' && (i + 1 < raw.length && raw[i + 1] == '\n'
                    || i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
                return Arrays.copyOf(raw, i + 1);
            }
        }
        return Arrays.copyOf(raw, limit);
    }

    /**
     * Another node took the same message at the same moment: its transaction won and ours was rolled back, so asking
     * again finds the outcome it recorded.
     */
    private static MailOutcome onceOnly(Supplier<MailOutcome> take) {
        try {
            return take.get();
        } catch (DuplicateKeyException takenMeanwhile) {
            return take.get();
        }
    }
}
