package io.turnaround.quote;

import io.turnaround.billing.HoursBank;
import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.MailTemplateName;
import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.client.Client;
import io.turnaround.client.Clients;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketJournal;
import io.turnaround.ticket.TicketKey;
import io.turnaround.ticket.TicketLookup;
import io.turnaround.ticket.TicketRedecided;
import io.turnaround.workflow.QuoteSteps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

import static io.turnaround.ticket.HistoryEvent.QUOTE_EXPIRED;
import static io.turnaround.ticket.HistoryEvent.QUOTE_REMINDED;
import static io.turnaround.ticket.HistoryEvent.QUOTE_SENT;
import static io.turnaround.ticket.HistoryEvent.QUOTE_WITHDRAWN;

/**
 * The steps the custom-quote process asks for, in the engine's transaction: pricing by the active policy's rules (the
 * client's included hours left this month first, then the plan's rate), the quote mail, the reminder and the expiry.
 * Each leaves a line in the ticket's history; a step asked twice (a retried timer) does nothing twice.
 */
@Component
class QuoteDesk implements QuoteSteps {

    private static final String ACTOR = "quote";

    private final Quotes quotes;
    private final QuoteMail mail;
    private final ObjectProvider<HoursBank> hours;
    private final ObjectProvider<ActivePolicy> policy;
    private final TicketLookup tickets;
    private final Clients clients;
    private final TicketJournal journal;

    /**
     * The policy is looked up when a quote is priced, not when the desk is made: the engine needs the desk before the
     * policy can be loaded, and the policy needs the engine.
     */
    QuoteDesk(Quotes quotes, QuoteMail mail, ObjectProvider<HoursBank> hours, ObjectProvider<ActivePolicy> policy,
              TicketLookup tickets, Clients clients, TicketJournal journal) {
        this.quotes = quotes;
        this.mail = mail;
        this.hours = hours;
        this.policy = policy;
        this.tickets = tickets;
        this.clients = clients;
        this.journal = journal;
    }

    @Override
    public long price(Estimate estimate) {
        var made = quotes.byProcessInstance(estimate.processInstanceId());
        if (made.isPresent()) {
            return made.get().id();
        }
        Ticket ticket = tickets.find(estimate.ticketKey());
        Client client = clients.findByTicket(ticket.id()).orElseThrow(() -> new IllegalStateException(
                ticket.key() + " has no client to quote"));
        Duration work = QuoteEstimates.work(estimate.hours());
        int version = policy.getObject().active().number();
        HoursCharge charge = hours.getObject().price(client, WorkKind.CUSTOM_WORK, work, estimate.at());
        long id = quotes.insert(new Quotes.NewQuote(ticket.id(), estimate.processInstanceId(),
                QuoteEstimates.description(estimate.description()), work, charge.getIncluded(), charge.getBillable(),
                charge.getRate(), charge.amount(), version, estimate.at(), estimate.expiresAt()));
        Quote quote = quotes.find(id).orElseThrow();
        String subject = mail.queue(quote, ticket, client, MailTemplateName.QUOTE, estimate.at());
        journal.record(ticket.id(), estimate.at(), "policy v" + version, QUOTE_SENT, "quote " + id + ": "
                + describe(quote) + "; valid until " + quote.expiresAt() + "; mailed to " + ticket.sender()
                + (subject == null ? "" : ": " + subject));
        return id;
    }

    @Override
    public void remind(long quoteId, Instant at) {
        Quote quote = quotes.find(quoteId).orElseThrow();
        if (!quotes.reminded(quoteId, at)) {
            return;
        }
        Ticket ticket = ticketOf(quote);
        Client client = clients.findByTicket(ticket.id()).orElseThrow();
        mail.queue(quote, ticket, client, MailTemplateName.QUOTE_REMINDER, at);
        journal.record(ticket.id(), at, ACTOR, QUOTE_REMINDED, "quote " + quoteId + " not answered yet: reminder"
                + " mailed to " + ticket.sender());
    }

    @Override
    public void expire(long quoteId, Instant at) {
        Quote quote = quotes.find(quoteId).orElseThrow();
        if (quotes.settle(quoteId, QuoteState.EXPIRED, at)) {
            journal.record(quote.ticketId(), at, ACTOR, QUOTE_EXPIRED, "quote " + quoteId + " (" + describe(quote)
                    + ") was not answered by " + quote.expiresAt() + "; its link no longer works. Sales may follow up.");
        }
    }

    /** A re-decided ticket's process waits for no answer any more: its open quote is withdrawn, in that transaction. */
    @EventListener
    void withdraw(TicketRedecided redecided) {
        for (Quote quote : quotes.ofTicket(redecided.ticketId())) {
            if (quotes.settle(quote.id(), QuoteState.WITHDRAWN, redecided.at())) {
                journal.record(quote.ticketId(), redecided.at(), ACTOR, QUOTE_WITHDRAWN, "quote " + quote.id() + " ("
                        + describe(quote) + ") withdrawn: the ticket was decided again; its link no longer works");
            }
        }
    }

    private Ticket ticketOf(Quote quote) {
        return tickets.find(TicketKey.of(quote.ticketId()));
    }

    /** E.g. {@code 100 h: 30 h included, 70 h at $80.00 = $5,600.00}. */
    static String describe(Quote quote) {
        return QuoteFormat.hoursText(quote.work()) + " h: " + QuoteFormat.hoursText(quote.included()) + " h included, "
                + QuoteFormat.hoursText(quote.billable()) + " h at " + QuoteFormat.money(quote.hourlyRate()) + " = "
                + QuoteFormat.money(quote.amount());
    }
}
