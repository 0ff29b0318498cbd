package io.turnaround.billing;

import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.client.Client;
import io.turnaround.ticket.TicketKey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** The JSON shapes of the time log and the hours bank: durations ISO-8601, money decimal USD. */
final class HoursJson {

    private HoursJson() {
    }

    /** An entry as logged, without money: what agents see on a ticket. */
    record LoggedTime(long id, String ticket, Long taskId, Long quoteId, WorkKind kind, Duration duration, long minutes,
                      Instant workedAt, String note, String loggedBy, Instant loggedAt) {

        static LoggedTime of(TimeEntry e) {
            return new LoggedTime(e.id(), e.ticketId() == null ? null : TicketKey.of(e.ticketId()), e.taskId(),
                    e.quoteId(), e.kind(), e.work(), e.work().toMinutes(), e.workedAt(), e.note(), e.loggedBy(),
                    e.loggedAt());
        }
    }

    /** A client's included hours in one month, without money. */
    record Balance(YearMonth month, ZoneId zone, Duration includedPerMonth, Duration includedUsed,
                   Duration includedLeft, Duration billable) {

        static Balance of(HoursMonth m) {
            return new Balance(m.month(), m.zone(), m.includedPerMonth(), m.includedUsed(), m.includedLeft(),
                    m.billable());
        }
    }

    /** The answer to logging time: the entry, the part of it the included hours covered, and the month after it. */
    record Logged(LoggedTime entry, Duration included, Duration billable, Balance month) {

        static Logged of(TicketTime.Logged logged) {
            return new Logged(LoggedTime.of(logged.entry()), logged.charged().included(), logged.charged().billable(),
                    Balance.of(logged.month()));
        }
    }

    /** An entry as the month charged it. */
    record ChargedEntry(long id, String ticket, Long quoteId, WorkKind kind, Duration duration, Instant workedAt,
                        LocalDate workedOn, String note, String loggedBy, Duration included, Duration billable,
                        BigDecimal rate, BigDecimal amount) {

        static ChargedEntry of(PricedEntry p, ZoneId zone) {
            TimeEntry e = p.entry();
            return new ChargedEntry(e.id(), e.ticketId() == null ? null : TicketKey.of(e.ticketId()), e.quoteId(),
                    e.kind(), e.work(), e.workedAt(), LocalDate.ofInstant(e.workedAt(), zone), e.note(), e.loggedBy(),
                    p.included(), p.billable(), MonthlyStatement.cents(p.rate()), p.amount());
        }
    }

    /** One client month: its included hours, what was used and billed, and every entry. */
    record Month(long clientId, String client, Tier tier, YearMonth month, ZoneId zone, Instant from, Instant to,
                 int policyVersion, Duration includedPerMonth, Duration includedUsed, Duration includedLeft, Duration worked,
                 Duration billable, BigDecimal billed, String currency, List<ChargedEntry> entries) {

        static Month of(Client client, HoursMonth m) {
            return new Month(client.id(), client.name(), m.tier(), m.month(), m.zone(), HoursMonth.start(m.month(), m.zone()),
                    HoursMonth.end(m.month(), m.zone()), m.policyVersion(), m.includedPerMonth(), m.includedUsed(), m.includedLeft(),
                    m.worked(), m.billable(), m.billed(), MonthlyStatement.USD,
                    m.entries().stream().map(p -> ChargedEntry.of(p, m.zone())).toList());
        }
    }

    /** One month in a history: the totals only. */
    record MonthSummary(YearMonth month, int policyVersion, Duration includedPerMonth, Duration includedUsed, Duration includedLeft,
                        Duration worked, Duration billable, BigDecimal billed, int entries) {

        static MonthSummary of(HoursMonth m) {
            return new MonthSummary(m.month(), m.policyVersion(), m.includedPerMonth(), m.includedUsed(), m.includedLeft(), m.worked(),
                    m.billable(), m.billed(), m.entries().size());
        }
    }

    record History(long clientId, String client, Tier tier, ZoneId zone, YearMonth from, YearMonth to,
                   String currency, List<MonthSummary> months) {

        static History of(Client client, YearMonth from, YearMonth to, List<HoursMonth> months) {
            return new History(client.id(), client.name(), client.tier(), client.timeZone(), from, to,
                    MonthlyStatement.USD, months.stream().map(MonthSummary::of).toList());
        }
    }
}
