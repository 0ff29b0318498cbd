package io.turnaround.billing;

import io.turnaround.client.Client;
import io.turnaround.client.ClientNotFoundException;
import io.turnaround.client.Clients;
import io.turnaround.ticket.TicketCompliance;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Monthly statements and hours balances of a client, computed from the time log whenever they are asked for, by the
 * policy version active at the month's end (see {@link HoursBank}). Months are calendar months in the client's zone.
 */
@Service
public class Statements {

    /** The first and last months one may ask about: keeps dates sane (and a year like 999999999 out). */
    static final YearMonth FIRST = YearMonth.of(2000, 1);
    static final YearMonth LAST = YearMonth.of(2999, 12);
    /** The most months one history covers: each month is a query. */
    static final int MOST_MONTHS = 60;

    private final Clients clients;
    private final HoursBank bank;
    private final TicketCompliance compliance;
    private final Clock clock;

    Statements(Clients clients, HoursBank bank, TicketCompliance compliance, Clock clock) {
        this.clients = clients;
        this.bank = bank;
        this.compliance = compliance;
        this.clock = clock;
    }

    /** The client's service levels in the month (in its zone), for the statement's "Service levels this month". */
    public ServiceLevels serviceLevels(Client client, YearMonth month) {
        checked("month", month);
        TicketCompliance.Span span = new TicketCompliance.Span(month.toString(),
                month.atDay(1).atStartOfDay(client.timeZone()).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(client.timeZone()).toInstant());
        List<TicketCompliance.Figures> figures = compliance.figures(new TicketCompliance.Query(List.of(span), List.of(),
                Map.of(TicketCompliance.Dimension.CLIENT, client.name()), clock.instant()));
        return ServiceLevels.of(figures.isEmpty() ? null : figures.get(0));
    }

    public Client client(long id) {
        return clients.find(id).orElseThrow(() -> new ClientNotFoundException(id));
    }

    /** The month the client is in now, in its own time zone. */
    public YearMonth currentMonth(Client client) {
        return HoursBank.monthOf(client, clock.instant());
    }

    public MonthlyStatement statement(Client client, YearMonth month) {
        HoursBank.Priced priced = bank.priced(client, checked("month", month));
        return MonthlyStatement.of(priced.plan(), client, priced.hours());
    }

    public HoursMonth hours(Client client, YearMonth month) {
        return bank.month(client, checked("month", month));
    }

    /** Every month from {@code from} to {@code to}, both included, oldest first. */
    public List<HoursMonth> history(Client client, YearMonth from, YearMonth to) {
        checked("from", from);
        checked("to", to);
        if (from.isAfter(to)) {
            throw new InvalidHoursRequestException("from", "from (" + from + ") is after to (" + to + ")");
        }
        if (from.plusMonths(MOST_MONTHS - 1).isBefore(to)) {
            throw new InvalidHoursRequestException("from", "at most " + MOST_MONTHS + " months at once");
        }
        List<HoursMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(bank.month(client, m));
        }
        return months;
    }

    static YearMonth checked(String field, YearMonth month) {
        if (month.isBefore(FIRST) || month.isAfter(LAST)) {
            throw new InvalidHoursRequestException(field, month + " is not a month from " + FIRST + " to " + LAST);
        }
        return month;
    }
}
