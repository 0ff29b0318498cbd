package io.turnaround.quote;

import io.swagger.v3.oas.annotations.media.Schema;
import io.turnaround.billing.TimeEntry;
import io.turnaround.ticket.TicketKey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A quote as staff see it, in the ticket's JSON and on its page: what was quoted, how it was priced, where it stands,
 * and the time logged against its work.
 */
public record QuoteView(long id, String ticketKey, QuoteState state, String description, BigDecimal hours,
                        BigDecimal includedHours, BigDecimal billableHours, BigDecimal hourlyRate, BigDecimal amount,
                        int policyVersion, Instant sentAt, Instant expiresAt, Instant remindedAt, Instant answeredAt,
                        BigDecimal loggedHours, List<LoggedTime> timeLogged) {

    /** Time logged against the quote's work. */
    @Schema(name = "QuoteLoggedTime")
    public record LoggedTime(Instant workedAt, BigDecimal hours, String kind, String loggedBy, String note) {
    }

    static QuoteView of(Quote q, List<TimeEntry> logged) {
        Duration total = logged.stream().map(TimeEntry::work).reduce(Duration.ZERO, Duration::plus);
        return new QuoteView(q.id(), TicketKey.of(q.ticketId()), q.state(), q.description(), QuoteFormat.hours(q.work()),
                QuoteFormat.hours(q.included()), QuoteFormat.hours(q.billable()), q.hourlyRate(), q.amount(),
                q.policyVersion(), q.createdAt(), q.expiresAt(), q.remindedAt(), q.answeredAt(),
                QuoteFormat.hours(total), logged.stream().map(e -> new LoggedTime(e.workedAt(), QuoteFormat.hours(e.work()),
                        e.kind().name(), e.loggedBy(), e.note())).toList());
    }
}
