package io.turnaround.quote;

import io.turnaround.client.Client;
import io.turnaround.client.Clients;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketJournal;
import io.turnaround.ticket.TicketKey;
import io.turnaround.ticket.TicketLookup;
import io.turnaround.workflow.QuoteWorkflow;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static io.turnaround.ticket.HistoryEvent.QUOTE_ACCEPTED;
import static io.turnaround.ticket.HistoryEvent.QUOTE_DECLINED;

/**
 * What people do with quotes: sales completes the estimate (the quote process prices and mails it), the client
 * accepts or declines through the link. An answer is taken once; asked again, it shows where the quote stands.
 */
@Service
class QuoteActions {

    private final Quotes quotes;
    private final QuoteViews views;
    private final QuoteLinks links;
    private final QuoteWorkflow workflow;
    private final TicketLookup tickets;
    private final Clients clients;
    private final TicketJournal journal;
    private final Clock clock;

    QuoteActions(Quotes quotes, QuoteViews views, QuoteLinks links, QuoteWorkflow workflow, TicketLookup tickets,
                 Clients clients, TicketJournal journal, Clock clock) {
        this.quotes = quotes;
        this.views = views;
        this.links = links;
        this.workflow = workflow;
        this.tickets = tickets;
        this.clients = clients;
        this.journal = journal;
        this.clock = clock;
    }

    /** The quote the client sees through a link, with its ticket and client; whether it can still be answered. */
    record ClientQuote(Quote quote, Ticket ticket, Client client, boolean open, String token) {
    }

    /** Sales' estimate completes its task; the quote it led to. Bad figures are a 400, never a half-made quote. */
    @Transactional
    QuoteView estimate(long taskId, String user, BigDecimal hours, String description) {
        String problem = QuoteEstimates.problem(hours, description);
        if (problem != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, problem);
        }
        long processInstanceId = workflow.completeEstimate(taskId, user, hours, QuoteEstimates.description(description));
        Ticket ticket = tickets.byProcessInstance(processInstanceId).orElseThrow();
        List<Quote> made = quotes.ofTicket(ticket.id());
        return views.view(made.get(made.size() - 1));
    }

    /** Reads the link; nothing changes (mail scanners open links too). */
    ClientQuote open(String token) {
        QuoteLinks.Link link = links.verify(token).orElseThrow(InvalidQuoteLinkException::new);
        Quote quote = quotes.find(link.quoteId()).orElseThrow(InvalidQuoteLinkException::new);
        Ticket ticket = tickets.find(TicketKey.of(quote.ticketId()));
        Client client = clients.findByTicket(ticket.id()).orElseThrow(InvalidQuoteLinkException::new);
        Instant now = clock.instant();
        return new ClientQuote(quote, ticket, client, quote.isOpenAt(now) && !link.isExpiredAt(now), token);
    }

    /**
     * The client's answer. A quote already answered or expired is shown as it stands; an open one moves to ACCEPTED
     * or DECLINED, its process is told (acceptance gives the dev team a task) and the ticket records it.
     */
    @Transactional
    ClientQuote answer(String token, boolean accept) {
        ClientQuote seen = open(token);
        if (!seen.open()) {
            return seen;
        }
        Quote quote = seen.quote();
        Instant now = clock.instant();
        QuoteState to = accept ? QuoteState.ACCEPTED : QuoteState.DECLINED;
        if (!quotes.settle(quote.id(), to, now)) {
            return open(token);
        }
        Ticket ticket = seen.ticket();
        if (!workflow.answer(ticket.policyVersion(), quote.processInstanceId(), accept)) {
            throw new QuoteClosedException(quote.id());
        }
        journal.record(ticket.id(), now, ticket.sender(),
                accept ? QUOTE_ACCEPTED : QUOTE_DECLINED, "quote " + quote.id() + " ("
                + QuoteDesk.describe(quote) + ") " + to.name().toLowerCase(Locale.ROOT)
                + " by the client through the quote link");
        return open(token);
    }
}
