package io.turnaround.mail;

import com.sun.mail.smtp.SMTPAddressFailedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.turnaround.database.DatabaseProbe;
import io.turnaround.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.annotation.PreDestroy;
import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers the outbox over SMTP ({@code spring.mail.*}): every {@code turnaround.mail.outbox.poll-every} it claims the
 * queued mail that is due, up to {@code batch-size} at a time, sends the batch over one SMTP connection, each mail with
 * the Message-ID made from its idempotency key, and marks each SENT, or counts its failure and tries it again later
 * (1, 2, 4… times {@code first-retry-after}) until it is FAILED and waits for staff.
 * Any number of nodes may run it on one database: a row is sent only by the node that claimed it.
 */
@Component
class OutboxSender {

    static final String SENT_METRIC = "turnaround.mail.sent";
    static final String FAILED_METRIC = "turnaround.mail.failed";
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR = 2000;

    private final OutboundMails mails;
    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MeterRegistry meters;
    private final Clock clock;
    private final DatabaseProbe database;
    /** Claims taken and not yet settled (sent or failed), by row: released if the server stops meanwhile. */
    private final Map<Long, String> held = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    OutboxSender(OutboundMails mails, MailSettings settings, ObjectProvider<JavaMailSender> smtp, MeterRegistry meters,
                 Clock clock, DatabaseProbe database) {
        this.mails = mails;
        this.settings = settings;
        this.smtp = smtp;
        this.meters = meters;
        this.clock = clock;
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhetherMailLeaves() {
        if (!settings.outbox().enabled()) {
            log.info("The outbox sender is off (turnaround.mail.outbox.enabled=false): mail stays queued");
        } else if (smtp.getIfAvailable() == null) {
            log.warn("No SMTP server is configured (spring.mail.host): mail stays queued in the outbox until one is");
        }
    }

    @Scheduled(fixedDelayString = "${turnaround.mail.outbox.poll-every:PT1S}",
            initialDelayString = "${turnaround.mail.outbox.poll-every:PT1S}")
    void poll() {
        if (settings.outbox().enabled() && database.answering()) {
            sendDue();
        }
    }

    /**
     * Claims and sends the mail that is due, batch after batch, until none is left for this node; returns how many
     * went. A batch goes over one SMTP connection.
     */
    int sendDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        MailSettings.Outbox outbox = settings.outbox();
        int sent = 0;
        while (!stopping) {
            // Each batch is a unit of work of its own in the log: its lines share an id.
            try (Trace.Scope ignored = Trace.begin(Trace.newId("outbox"))) {
                Instant now = clock.instant();
                List<Long> due = mails.due(now, outbox.batchSize());
                String claim = UUID.randomUUID().toString();
                List<ClaimedMail> claimed = mails.claim(due, claim, now, now.plus(outbox.claimLease()));
                claimed.forEach(mail -> held.put(mail.id(), claim));
                try {
                    sent += deliver(sender, claimed, claim);
                } finally {
                    claimed.forEach(mail -> held.remove(mail.id()));
                }
                if (due.size() < outbox.batchSize() || claimed.isEmpty()) {
                    break;
                }
            }
        }
        return sent;
    }

    /** The server is stopping: the mail being sent is finished, no other is claimed. */
    @EventListener(ContextClosedEvent.class)
    void stopClaiming() {
        stopping = true;
    }

    /** Claims still held now (a send outlasted the shutdown) go back, so another node sends the mail without waiting. */
    @PreDestroy
    void releaseClaims() {
        held.forEach((id, claim) -> {
            if (mails.release(id, claim)) {
                log.info("Released the claim on mail {} as the server stops", id);
            }
        });
    }

    /**
     * Sends the claimed mails over one connection and settles each: SENT, or a failed attempt with its own error (an
     * address the server refuses fails that mail alone; a server that cannot be reached fails the rest).
     */
    private int deliver(JavaMailSender sender, List<ClaimedMail> claimed, String claim) {
        // In the order claimed, the longest waiting first (a MimeMessage is equal only to itself).
        Map<MimeMessage, ClaimedMail> messages = new LinkedHashMap<>();
        for (ClaimedMail mail : claimed) {
            try {
                messages.put(message(sender, mail), mail);
            } catch (MessagingException | RuntimeException e) {
                failed(mail, claim, e);
            }
        }
        if (messages.isEmpty()) {
            return 0;
        }
        Map<Object, Exception> failures = Map.of();
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            // Names each message that failed; it names none when only closing the connection failed after all went.
            failures = e.getFailedMessages();
        } catch (RuntimeException e) {
            failures = new HashMap<>();
            for (MimeMessage message : messages.keySet()) {
                failures.put(message, e);
            }
        }
        List<ClaimedMail> delivered = new ArrayList<>();
        for (Map.Entry<MimeMessage, ClaimedMail> message : messages.entrySet()) {
            Exception failure = failures.get(message.getKey());
            if (failure == null) {
                delivered.add(message.getValue());
            } else {
                failed(message.getValue(), claim, failure);
            }
        }
        int marked = mails.sent(delivered.stream().map(ClaimedMail::id).toList(), claim, clock.instant());
        if (marked < delivered.size()) {
            log.warn("{} of {} mails were sent after their claim ran out; another node may send them too, with the same"
                    + " Message-IDs", delivered.size() - marked, delivered.size());
        }
        delivered.forEach(mail -> Counter.builder(SENT_METRIC).description("Mail the SMTP server accepted")
                .tag("kind", mail.kind().name()).register(meters).increment());
        return delivered.size();
    }

    /**
     * The Message-ID is the idempotency key's: if we crash after the SMTP server took the mail but before it is marked
     * SENT, the mail goes again with the same Message-ID, and the receiving side can drop the copy.
     */
    private MimeMessage message(JavaMailSender sender, ClaimedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        message.setHeader("Message-ID", MessageIds.of(mail.idempotencyKey(), settings.messageIdDomain()));
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
            message.setHeader("References", mail.inReplyTo());
        }
        if (mail.kind().autoSubmitted() != null) {
            message.setHeader("Auto-Submitted", mail.kind().autoSubmitted());
        }
        return message;
    }

    private void failed(ClaimedMail mail, String claim, Exception e) {
        Trace.ticket(mail.ticketKey());
        Instant now = clock.instant();
        boolean givingUp = mail.attempts() >= settings.outbox().maxAttempts() || permanent(e);
        Instant retryAt = givingUp ? null : now.plus(settings.outbox().retryAfter(mail.attempts()));
        String error = describe(e);
        mails.failed(mail.id(), claim, error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR), now, retryAt);
        Counter.builder(FAILED_METRIC).description("Attempts to send mail that failed")
                .tag("kind", mail.kind().name()).tag("outcome", givingUp ? "given-up" : "will-retry")
                .register(meters).increment();
        if (givingUp) {
            log.warn("Mail {} to {} FAILED after {} attempt(s), staff can retry it: {}", mail.idempotencyKey(),
                    mail.recipient(), mail.attempts(), error);
        } else {
            log.info("Mail {} to {} failed (attempt {}), next try at {}: {}", mail.idempotencyKey(), mail.recipient(),
                    mail.attempts(), retryAt, error);
        }
    }

    /**
     * The failure and its causes, for staff: "Invalid Addresses; 550 5.1.1 no such user", "Couldn't connect to host,
     * port: smtp.example, 25; timeout 10000; Connection refused". A cause already quoted by its wrapper is not repeated.
     */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (!text.toString().contains(message)) {
                text.append(text.isEmpty() ? "" : "; ").append(message);
            }
        }
        return text.toString();
    }

    /** A bad address, or one the server refuses for good (5xx), does not get better by waiting. */
    static boolean permanent(Throwable e) {
        if (e instanceof MailSendException send) {
            return send.getFailedMessages().values().stream().anyMatch(OutboxSender::permanent)
                    || e.getCause() != null && permanent(e.getCause());
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AddressException
                    || t instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }
}
