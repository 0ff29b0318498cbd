package io.turnaround.ticket;

import io.turnaround.client.Clients;
import io.turnaround.mail.IncomingMail;
import io.turnaround.mail.MailReceiver;
import io.turnaround.mail.MessageIds;
import io.turnaround.mail.Outbox;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ticket a mail answers: one of our messages it refers to (In-Reply-To, References), else a ticket key in its
 * subject. A sender must belong to the ticket (its sender, a contact of its client, the client's own hosting support
 * or the hosting partner), so nobody adds to another client's ticket by writing its key.
 */
@Component
class MailThreads {

    private static final Pattern KEY = Pattern.compile("TCK-\\d{6,18}");

    private final Clients clients;
    private final Tickets tickets;
    private final InboundMails inbound;
    private final Outbox outbox;

    MailThreads(Clients clients, Tickets tickets, InboundMails inbound, Outbox outbox) {
        this.clients = clients;
        this.tickets = tickets;
        this.inbound = inbound;
        this.outbox = outbox;
    }

    Optional<Ticket> ticketFor(IncomingMail mail, MailReceiver.Rules rules) {
        List<Long> candidates = new ArrayList<>();
        for (String reference : mail.references()) {
            String outboxKey = MessageIds.keyOf(reference, rules.messageIdDomain());
            if (outboxKey != null) {
                outbox.ticketOf(outboxKey).ifPresent(candidates::add);
            } else {
                inbound.ticketOfMessage(reference).ifPresent(candidates::add);
            }
        }
        Matcher key = KEY.matcher(mail.subject() == null ? "" : mail.subject());
        while (key.find()) {
            candidates.add(TicketKey.idOf(key.group()));
        }
        return candidates.stream().map(tickets::find).flatMap(Optional::stream)
                .filter(t -> belongsTo(mail.from(), t, rules)).findFirst();
    }

    private boolean belongsTo(String sender, Ticket ticket, MailReceiver.Rules rules) {
        String from = sender.toLowerCase(Locale.ROOT);
        if (from.equalsIgnoreCase(ticket.sender()) || rules.isPartner(from)) {
            return true;
        }
        return clients.findByTicket(ticket.id()).filter(client -> clients.speaksFor(client, from)).isPresent();
    }
}
