package io.turnaround.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code turnaround.mail.*}: who mail comes from, the hosting partner's address, the support mailbox and the outbox.
 * The SMTP server is Spring's {@code spring.mail.*}.
 *
 * @param from           the address Turnaround's mail comes from (and replies go to)
 * @param messageIdDomain the right-hand side of the Message-IDs Turnaround gives its mail
 * @param hostingPartner the hosting partner's ticketing address, where its emergencies are forwarded
 * @param partnerReference a regular expression finding the partner's own ticket reference in its reply's subject
 *                       (group 1 if it has one)
 * @param acknowledgeUnknownSenders whether a sender no client knows is acknowledged before staff triage the ticket;
 *                       off, anyone could have the server mail an address of their choosing
 * @param acknowledgementLimit how many acknowledgements one address gets at most in a while
 * @param reopenWithin   how long after a ticket is resolved a customer's reply reopens it; a later one starts a new
 *                       ticket that follows up the old one
 */
@ConfigurationProperties("turnaround.mail")
public record MailSettings(@DefaultValue("support@turnaround.example") String from,
                           @DefaultValue("turnaround.example") String messageIdDomain,
                           @DefaultValue("tickets@hosting-partner.example") String hostingPartner,
                           @DefaultValue("#\\s*([A-Za-z0-9][A-Za-z0-9-]{2,39})") String partnerReference,
                           @DefaultValue Inbound inbound,
                           @DefaultValue Outbox outbox,
                           @DefaultValue("false") boolean acknowledgeUnknownSenders,
                           @DefaultValue AcknowledgementLimit acknowledgementLimit,
                           @DefaultValue("P14D") Duration reopenWithin) {

    /** At most {@code max} acknowledgements to one address (whatever its case) within {@code within}. */
    public record AcknowledgementLimit(@DefaultValue("5") int max, @DefaultValue("PT1H") Duration within) {
    }

    /**
     * The support mailbox. Read when {@code enabled}; IMAP IDLE where the server offers it, else every
     * {@code pollEvery}. {@code protocol} is {@code imaps} (TLS) or {@code imap} (plain, for local servers). A message
     * over {@code maxMessageSize} is read from its headers alone. Health reports the reader DOWN when it has not
     * completed a pass over the mailbox for {@code stalledAfter}.
     */
    public record Inbound(@DefaultValue("false") boolean enabled,
                          @DefaultValue("imaps") String protocol,
                          @DefaultValue("localhost") String host,
                          @DefaultValue("993") int port,
                          String username,
                          String password,
                          @DefaultValue("INBOX") String folder,
                          @DefaultValue("PT30S") Duration pollEvery,
                          @DefaultValue("10MB") DataSize maxAttachmentSize,
                          @DefaultValue("25MB") DataSize maxMessageSize,
                          @DefaultValue("PT5M") Duration stalledAfter) {
    }

    /**
     * The outbox sender: every {@code pollEvery}, retrying a failed mail after 1, 2, 4… times {@code firstRetryAfter}
     * (at most {@code maxRetryAfter}); after {@code maxAttempts} it is FAILED. A node claims up to {@code batchSize}
     * rows at a time and sends them over one SMTP connection; it holds them for {@code claimLease}, longer than such a
     * conversation, after which another node may take them over.
     */
    public record Outbox(@DefaultValue("true") boolean enabled,
                         @DefaultValue("PT1S") Duration pollEvery,
                         @DefaultValue("8") int maxAttempts,
                         @DefaultValue("PT30S") Duration firstRetryAfter,
                         @DefaultValue("PT1H") Duration maxRetryAfter,
                         @DefaultValue("PT5M") Duration claimLease,
                         @DefaultValue("20") int batchSize) {

        /** How long to wait after the {@code attempts}-th failed attempt: firstRetryAfter × 2^(attempts-1), capped. */
        public Duration retryAfter(int attempts) {
            Duration wait = firstRetryAfter;
            for (int i = 1; i < attempts && wait.compareTo(maxRetryAfter) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
        }
    }
}
