package io.turnaround.ticket;

import io.turnaround.mail.MailKind;
import io.turnaround.mail.MailSettings;
import io.turnaround.mail.MessageIds;
import io.turnaround.policy.MailTemplate;
import io.turnaround.policy.MailTemplateName;
import io.turnaround.policy.PolicyTemplates;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The mail a ticket causes when it arrives and when the policy decides it, queued in the same transaction: the
 * acknowledgement to its sender, the forward of a hosting-partner emergency to the partner, the notice to a
 * self-hosted client's hosting contact. Each is written from the templates of the policy version that decided the
 * ticket, and goes once per ticket (its idempotency key), whatever triage or re-decisions follow.
 */
@Component
class TicketMail {

    private static final Logger log = LoggerFactory.getLogger(TicketMail.class);
    private static final String ACTOR = "mail";
    /** For a version stored before mail templates were policy: an emergency must still reach whoever fixes it. */
    private static final MailTemplate FALLBACK_FORWARD = MailTemplate.parse("""
            Subject: [{ticketKey}] Emergency for {clientName} ({tier}): {subject}

            Ticket {ticketKey} from {sender} ({clientName}, {tier}), received {receivedAt}, due {slaDueAt}.

            {body}
            """);

    private final Tickets tickets;
    private final Clients clients;
    private final Outbox outbox;
    private final TicketHistory history;
    private final PolicyTemplates templates;
    private final MailSettings settings;

    TicketMail(Tickets tickets, Clients clients, Outbox outbox, TicketHistory history, PolicyTemplates templates,
               MailSettings settings) {
        this.tickets = tickets;
        this.clients = clients;
        this.outbox = outbox;
        this.history = history;
        this.templates = templates;
        this.settings = settings;
    }

    /** A ticket from an unknown sender waits for triage: the sender hears that we have it, without a promise yet. */
    void awaitingTriage(long ticketId, int policyVersion, Instant now) {
        Ticket ticket = tickets.find(ticketId).orElseThrow();
        if (acknowledges(ticket)) {
            Map<String, String> values = MailValues.received(ticket, ZoneOffset.UTC);
            queue(ticket, policyVersion, MailTemplateName.ACKNOWLEDGEMENT_TRIAGE, MailKind.ACKNOWLEDGEMENT,
                    "ack-triage-" + ticketId, ticket.sender(), values, now);
        }
    }

    /**
     * The policy decided the ticket (first, after triage, or again): the sender gets the acknowledgement with the
     * promise, and the route's forward goes out. A re-decision queues only what had not been queued before.
     * {@code channelNote} (or null) tells the sender why their chat message was taken as email.
     */
    void decided(long ticketId, String channelNote, Instant now) {
        Ticket ticket = tickets.find(ticketId).orElseThrow();
        Client client = clients.findByTicket(ticketId).orElseThrow();
        Map<String, String> values = MailValues.decided(ticket, client, channelNote);
        int version = ticket.policyVersion();
        if (acknowledges(ticket)) {
            queue(ticket, version, MailTemplateName.ACKNOWLEDGEMENT, MailKind.ACKNOWLEDGEMENT, "ack-" + ticketId,
                    ticket.sender(), values, now);
        }
        if (ticket.route() == Route.HOSTING_PARTNER && ticket.category() == Category.EMERGENCY) {
            queue(ticket, version, MailTemplateName.PARTNER_FORWARD, MailKind.PARTNER_FORWARD, "partner-" + ticketId,
                    settings.hostingPartner(), values, now);
        }
        if (ticket.route() == Route.CLIENT_HOSTING) {
            if (client.hostingContact() == null) {
                history.add(ticketId, now, ACTOR, "MAIL_NOT_QUEUED", client.name() + " has no hosting contact to notify");
            } else {
                queue(ticket, version, MailTemplateName.CLIENT_HOSTING, MailKind.CLIENT_HOSTING, "client-hosting-"
                        + ticketId, client.hostingContact(), values, now);
            }
        }
    }

    /**
     * The ticket came from a mail with this Message-ID (without angle brackets): its acknowledgement answers it, so the
     * sender's mail program shows the two in one thread.
     */
    void acknowledgementAnswers(long ticketId, String messageId) {
        outbox.answering("ack-" + ticketId, "ack-triage-" + ticketId, "<" + messageId + ">");
    }

    /** The Message-ID a staff reply answers: the latest acknowledgement its sender got, if any. */
    String threadOf(long ticketId) {
        for (String key : new String[] {"ack-" + ticketId, "ack-triage-" + ticketId}) {
            if (outbox.isQueued(key)) {
                return MessageIds.of(key, settings.messageIdDomain());
            }
        }
        return null;
    }

    /**
     * Chat users see their ticket in the chat; every other channel (mail, web form, and the API, through which a mail
     * gateway or another integration speaks for a customer) gets one. Never to our own or the partner's address: mail
     * between two robots can loop.
     */
    private boolean acknowledges(Ticket ticket) {
        return ticket.channel() != Channel.CHAT && !ticket.sender().equalsIgnoreCase(settings.from())
                && !ticket.sender().equalsIgnoreCase(settings.hostingPartner());
    }

    private void queue(Ticket ticket, int version, MailTemplateName name, MailKind kind, String key, String recipient,
                       Map<String, String> values, Instant now) {
        if (outbox.isQueued(key)) {
            return;
        }
        Optional<MailTemplate> template = templates.of(version, name);
        if (template.isEmpty() && kind == MailKind.ACKNOWLEDGEMENT) {
            log.warn("{}: no acknowledgement sent, policy version {} has no {}", ticket.key(), version, name.path());
            history.add(ticket.id(), now, ACTOR, "MAIL_NOT_QUEUED", "policy v" + version + " has no " + name.path());
            return;
        }
        MailTemplate.Rendered mail = template.orElse(FALLBACK_FORWARD).render(values);
        outbox.queue(new Outbox.Mail(kind, key, ticket.id(), null, recipient, mail.subject(), mail.body(), null), now);
        history.add(ticket.id(), now, ACTOR, "MAIL_QUEUED", describe(kind) + " to " + recipient + ": " + mail.subject());
    }

    private static String describe(MailKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> "acknowledgement";
            case PARTNER_FORWARD -> "forward to the hosting partner";
            case CLIENT_HOSTING -> "notice to the client's hosting contact";
            default -> kind.name();
        };
    }
}
