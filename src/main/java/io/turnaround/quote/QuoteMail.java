package io.turnaround.quote;

import io.turnaround.mail.MailKind;
import io.turnaround.policy.MailTemplateName;
import io.turnaround.policy.PolicyTemplates;
import io.turnaround.client.Client;
import io.turnaround.mail.Outbox;
import io.turnaround.mail.OutboxKeys;
import io.turnaround.ticket.Ticket;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The quote mail and its reminder, to the ticket's sender, written from the templates of the ticket's policy version
 * and queued in the outbox in the caller's transaction. Each goes once per quote (its idempotency key).
 */
@Component
class QuoteMail {

    private final Outbox outbox;
    private final PolicyTemplates templates;
    private final QuoteLinks links;

    QuoteMail(Outbox outbox, PolicyTemplates templates, QuoteLinks links) {
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
    }

    /** Queues the quote's mail of that kind; returns the rendered subject, or null if it had been queued before. */
    String queue(Quote quote, Ticket ticket, Client client, MailTemplateName name, Instant now) {
        var template = templates.of(ticket.policyVersion(), name).orElseThrow(() -> new IllegalStateException(
                "policy v" + ticket.policyVersion() + " has no " + name.path() + " for the quote of " + ticket.key()));
        var mail = template.render(values(quote, ticket, client));
        String key = name == MailTemplateName.QUOTE ? OutboxKeys.quote(quote.id())
                : OutboxKeys.quoteReminder(quote.id());
        boolean queued = outbox.queue(new Outbox.Mail(MailKind.QUOTE, key, ticket.id(), null, ticket.sender(),
                mail.subject(), mail.body(), null), now);
        return queued ? mail.subject() : null;
    }

    private Map<String, String> values(Quote quote, Ticket ticket, Client client) {
        Map<String, String> values = new HashMap<>();
        values.put("ticketKey", ticket.key());
        values.put("subject", ticket.subject());
        values.put("sender", ticket.sender());
        values.put("clientName", client.name());
        String tier = client.tier().name();
        values.put("tier", tier.charAt(0) + tier.substring(1).toLowerCase(Locale.ROOT));
        values.put("description", quote.description());
        values.put("hours", QuoteFormat.hoursText(quote.work()));
        values.put("includedHours", QuoteFormat.hoursText(quote.included()));
        values.put("billableHours", QuoteFormat.hoursText(quote.billable()));
        values.put("hourlyRate", QuoteFormat.money(quote.hourlyRate()));
        values.put("amount", QuoteFormat.money(quote.amount()));
        values.put("expiresAt", QuoteFormat.when(quote.expiresAt(), client.timeZone()));
        values.put("quoteLink", links.url(quote.id(), quote.expiresAt()));
        return values;
    }
}
