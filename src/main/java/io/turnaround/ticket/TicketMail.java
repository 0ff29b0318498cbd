package io.turnaround.ticket;

import io.turnaround.client.Clients;
import io.turnaround.client.Client;
import io.turnaround.mail.MailKind;
import io.turnaround.mail.MailSettings;
import io.turnaround.mail.MessageIds;
import io.turnaround.mail.Outbox;
import io.turnaround.mail.OutboxKeys;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.turnaround.ticket.HistoryEvent.ACKNOWLEDGEMENT_DEFERRED;
import static io.turnaround.ticket.HistoryEvent.ACKNOWLEDGEMENT_WITHHELD;
import static io.turnaround.ticket.HistoryEvent.MAIL_NOT_QUEUED;
import static io.turnaround.ticket.HistoryEvent.MAIL_QUEUED;

/**
 * The mail a ticket causes when it arrives and when the policy decides it, queued in the same transaction: the
 * acknowledgement to its sender, the forward of a hosting-partner emergency to the partner, the notice to a
 * self-hosted client's hosting contact. Each is written from the templates of the policy version that decided the
 * ticket, and goes once per ticket (its idempotency key), whatever triage or re-decisions follow.
 * <p>
 * An acknowledgement goes to an address the request names, so it is held back where it could be used to mail someone
 * who asked for nothing: a sender no client knows hears from us once staff triage the ticket (unless the settings say
 * otherwise), mail from a mailing list never gets one, and one address gets at most a few an hour. The history says
 * why each was held back.
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

    /**
     * A ticket from an unknown sender waits for triage. Only if the settings allow it does the sender hear now that we
     * have it (without a promise yet); otherwise they hear, with the promise, once staff have triaged it.
     */
    void awaitingTriage(long ticketId, int policyVersion, Instant now) {
        Ticket ticket = tickets.find(ticketId).orElseThrow();
        if (!acknowledges(ticket)) {
            return;
        }
        if (!settings.acknowledgeUnknownSenders()) {
            history.add(ticketId, now, ACTOR, ACKNOWLEDGEMENT_DEFERRED, "no acknowledgement to " + ticket.sender()
                    + ", whom no client knows, until staff triage the ticket"
                    + " (turnaround.mail.acknowledge-unknown-senders is false)");
        } else {
            Map<String, String> values = MailValues.received(ticket, ZoneOffset.UTC);
            queue(ticket, policyVersion, MailTemplateName.ACKNOWLEDGEMENT_TRIAGE, MailKind.ACKNOWLEDGEMENT,
                    OutboxKeys.triageAcknowledgement(ticketId), ticket.sender(), values, now);
        }
    }

    /** The ticket's sender gets no acknowledgement, whatever is decided later; the history says why. */
    void withhold(long ticketId, String reason, Instant now) {
        Ticket ticket = tickets.find(ticketId).orElseThrow();
        history.add(ticketId, now, ACTOR, ACKNOWLEDGEMENT_WITHHELD,
                "no acknowledgement to " + ticket.sender() + ": " + reason);
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
            queue(ticket, version, MailTemplateName.ACKNOWLEDGEMENT, MailKind.ACKNOWLEDGEMENT,
                    OutboxKeys.acknowledgement(ticketId), ticket.sender(), values, now);
        }
        if (ticket.route() == Route.HOSTING_PARTNER && ticket.category() == Category.EMERGENCY) {
            queue(ticket, version, MailTemplateName.PARTNER_FORWARD, MailKind.PARTNER_FORWARD,
                    OutboxKeys.partnerForward(ticketId), settings.hostingPartner(), values, now);
        }
        if (ticket.route() == Route.CLIENT_HOSTING) {
            if (client.hostingContact() == null) {
                history.add(ticketId, now, ACTOR, MAIL_NOT_QUEUED, client.name() + " has no hosting contact to notify");
            } else {
                queue(ticket, version, MailTemplateName.CLIENT_HOSTING, MailKind.CLIENT_HOSTING,
                        OutboxKeys.clientHosting(ticketId), client.hostingContact(), values, now);
            }
        }
    }

    /**
     * The ticket came from a mail with this Message-ID (without angle brackets): its acknowledgement answers it, so the
     * sender's mail program shows the two in one thread.
     */
    void acknowledgementAnswers(long ticketId, String messageId) {
        outbox.answering(OutboxKeys.acknowledgement(ticketId), OutboxKeys.triageAcknowledgement(ticketId),
                "<" + messageId + ">");
    }

    /** The Message-ID a staff reply answers: the latest acknowledgement its sender got, if any. */
    String threadOf(long ticketId) {
        for (String key : List.of(OutboxKeys.acknowledgement(ticketId), OutboxKeys.triageAcknowledgement(ticketId))) {
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
                && !ticket.sender().equalsIgnoreCase(settings.hostingPartner())
                && !history.has(ticket.id(), ACKNOWLEDGEMENT_WITHHELD);
    }

    /** Whether this address has had as many acknowledgements lately as it may; if so the ticket's is withheld. */
    private boolean overLimit(Ticket ticket, String recipient, Instant now) {
        MailSettings.AcknowledgementLimit limit = settings.acknowledgementLimit();
        int recent = outbox.acknowledgementsTo(recipient, now.minus(limit.within()), limit.max());
        if (recent < limit.max()) {
            return false;
        }
        log.info("{}: no acknowledgement to {}, which had {} within {}", ticket.key(), recipient, recent, limit.within());
        history.add(ticket.id(), now, ACTOR, ACKNOWLEDGEMENT_WITHHELD, "no acknowledgement to " + recipient
                + ": it had " + recent + " within " + limit.within()
                + ", the most one address gets (turnaround.mail.acknowledgement-limit)");
        return true;
    }

    private void queue(Ticket ticket, int version, MailTemplateName name, MailKind kind, String key, String recipient,
                       Map<String, String> values, Instant now) {
        if (outbox.isQueued(key) || kind == MailKind.ACKNOWLEDGEMENT && overLimit(ticket, recipient, now)) {
            return;
        }
        Optional<MailTemplate> template = templates.of(version, name);
        if (template.isEmpty() && kind == MailKind.ACKNOWLEDGEMENT) {
            log.warn("{}: no acknowledgement sent, policy version {} has no {}", ticket.key(), version, name.path());
            history.add(ticket.id(), now, ACTOR, MAIL_NOT_QUEUED, "policy v" + version + " has no " + name.path());
            return;
        }
        MailTemplate.Rendered mail = template.orElse(FALLBACK_FORWARD).render(values);
        outbox.queue(new Outbox.Mail(kind, key, ticket.id(), null, recipient, mail.subject(), mail.body(), null), now);
        history.add(ticket.id(), now, ACTOR, MAIL_QUEUED, describe(kind) + " to " + recipient + ": " + mail.subject());
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
