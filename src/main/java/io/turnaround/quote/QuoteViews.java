package io.turnaround.quote;

import io.turnaround.billing.TimeLog;
import io.turnaround.ticket.TicketQuotes;
import org.springframework.stereotype.Component;

import java.util.List;

/** The quotes of a ticket with the time logged against each: for the ticket's JSON and its page ({@code @ticketQuotes}). */
@Component("ticketQuotes")
public class QuoteViews implements TicketQuotes {

    private final Quotes quotes;
    private final TimeLog timeLog;

    QuoteViews(Quotes quotes, TimeLog timeLog) {
        this.quotes = quotes;
        this.timeLog = timeLog;
    }

    @Override
    public List<QuoteView> of(long ticketId) {
        return quotes.ofTicket(ticketId).stream().map(this::view).toList();
    }

    QuoteView view(Quote quote) {
        return QuoteView.of(quote, timeLog.ofQuote(quote.id()));
    }
}
