package io.turnaround.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.turnaround.ticket.IncomingMail;
import io.turnaround.ticket.MailIntake;
import io.turnaround.ticket.MailOutcome;
import io.turnaround.ticket.MailboxPosition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Every raw message, from the mailbox or pushed over HTTP, is read here and handed to intake. */
@Component
public class MailDelivery {

    private final MailIntake intake;
    private final MailIntake.Rules rules;
    private final MeterRegistry meters;

    MailDelivery(MailIntake intake, MailSettings settings, MeterRegistry meters) {
        this.intake = intake;
        this.meters = meters;
        this.rules = new MailIntake.Rules(settings.from(), settings.messageIdDomain(), settings.hostingPartner(),
                settings.inbound().maxAttachmentSize().toBytes(), Pattern.compile(settings.partnerReference()));
    }

    /** Takes in one message; {@code position} is null for mail pushed over HTTP, {@code receivedAt} when it arrived. */
    public MailOutcome deliver(byte[] raw, MailboxPosition position, Instant receivedAt) {
        MailOutcome outcome;
        try {
            IncomingMail mail = MimeMail.read(raw, receivedAt);
            outcome = onceOnly(() -> intake.receive(mail, position, rules));
        } catch (UnreadableMailException e) {
            outcome = onceOnly(() -> intake.keepUnreadable(raw, position, e.getMessage()));
        }
        meters.counter("turnaround.mail.received", "outcome", outcome.kind().name(),
                "duplicate", Boolean.toString(outcome.duplicate())).increment();
        return outcome;
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
