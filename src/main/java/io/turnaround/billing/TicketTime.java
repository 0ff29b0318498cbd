package io.turnaround.billing;

import io.turnaround.policy.facts.WorkKind;
import io.turnaround.client.Client;
import io.turnaround.client.Clients;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketConflictException;
import io.turnaround.ticket.TicketJournal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static io.turnaround.ticket.HistoryEvent.TIME_LOGGED;
import static io.turnaround.ticket.HistoryEvent.TIME_WITHDRAWN;

/** Staff log time on a ticket; it counts for the ticket's client, in the month it was worked in the client's zone. */
@Service
public class TicketTime {

    /** How far ahead of this server's clock a "worked at" may be: other machines' clocks drift a little. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final int MAX_NOTE = 1000;
    static final int MAX_REASON = 500;

    private final TimeLog log;
    private final Clients clients;
    private final HoursBank bank;
    private final TicketJournal journal;
    private final Clock clock;

    TicketTime(TimeLog log, Clients clients, HoursBank bank, TicketJournal journal, Clock clock) {
        this.log = log;
        this.clients = clients;
        this.bank = bank;
        this.journal = journal;
        this.clock = clock;
    }

    /** Time to log; a null {@code workedAt} means now. */
    public record Request(WorkKind kind, Duration work, Instant workedAt, String note, Long taskId, Long quoteId) {
    }

    /** The entry as logged, how the policy charged it within its month, and that month for the client afterwards. */
    public record Logged(TimeEntry entry, PricedEntry charged, HoursMonth month) {
    }

    /** What the ticket page shows: the ticket's entries and, once it has a client, the client's current month. */
    public record Section(List<TimeEntry> entries, Client client, HoursMonth month, HoursFormat format) {

        public List<WorkKind> kinds() {
            return List.of(WorkKind.values());
        }
    }

    public Section section(Ticket ticket) {
        List<TimeEntry> entries = log.ofTicket(ticket.id());
        return clients.findByTicket(ticket.id())
                .map(c -> new Section(entries, c, bank.month(c, HoursBank.monthOf(c, clock.instant())), new HoursFormat(c.timeZone())))
                .orElseGet(() -> new Section(entries, null, null, new HoursFormat(ZoneOffset.UTC)));
    }

    public List<TimeEntry> ofTicket(Ticket ticket) {
        return log.ofTicket(ticket.id());
    }

    /** The ticket's client, or a conflict while the ticket waits for triage. */
    public Client clientOf(Ticket ticket) {
        return clients.findByTicket(ticket.id()).orElseThrow(() -> new TicketConflictException("ticket " + ticket.key()
                + " has no client yet: triage it first, then log time on it"));
    }

    /** When work on a day (in the client's zone) counts as done: now for today, noon for another day. */
    public Instant workedOn(Client client, LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(client.timeZone()));
        if (day != null && day.isAfter(today)) {
            throw new InvalidHoursRequestException("date", day + " is still to come for " + client.name()
                    + " (today is " + today + " in " + client.timeZone() + ")");
        }
        return day == null || day.equals(today) ? clock.instant()
                : day.atTime(LocalTime.NOON).atZone(client.timeZone()).toInstant();
    }

    @Transactional
    public Logged log(Ticket ticket, Request request, String user) {
        Client client = clientOf(ticket);
        Instant now = clock.instant();
        if (request.kind() == null) {
            throw new InvalidHoursRequestException("kind", "kind is required: one of " + List.of(WorkKind.values()));
        }
        Instant workedAt = request.workedAt() == null ? now : request.workedAt();
        if (workedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidHoursRequestException("workedAt", "workedAt " + workedAt + " is in the future");
        }
        if (workedAt.isBefore(EARLIEST)) {
            throw new InvalidHoursRequestException("workedAt", "workedAt " + workedAt + " is before " + EARLIEST);
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidHoursRequestException("note", "at most " + MAX_NOTE + " characters");
        }
        requirePositive("taskId", request.taskId());
        requirePositive("quoteId", request.quoteId());
        if (request.quoteId() != null && !log.isQuoteOf(request.quoteId(), ticket.id())) {
            throw new InvalidHoursRequestException("quoteId", "quote " + request.quoteId() + " is not a quote of "
                    + ticket.key());
        }
        NewTimeEntry entry = newEntry(client, ticket, request, workedAt, note);
        long id = log.add(entry, user, now);
        journal.record(ticket.id(), now, user, TIME_LOGGED, describe(id, entry.kind(), entry.work(), workedAt, client)
                + (note == null ? "" : ": " + note));
        HoursMonth month = bank.month(client, YearMonth.from(workedAt.atZone(client.timeZone())));
        PricedEntry charged = month.entries().stream().filter(p -> p.entry().id() == id).findFirst().orElseThrow();
        return new Logged(charged.entry(), charged, month);
    }

    /**
     * Withdraws a mistaken entry of the ticket: it stays in the log but no longer counts. Whoever logged it may, and
     * so may those who see the clients' money ({@code mayWithdrawAnyones}); the ticket's history says who, and why.
     */
    @Transactional
    public TimeEntry withdraw(Ticket ticket, long entryId, String reason, String user, boolean mayWithdrawAnyones) {
        TimeEntry entry = log.standing(entryId).filter(e -> Long.valueOf(ticket.id()).equals(e.ticketId()))
                .orElseThrow(() -> new TimeEntryNotFoundException(ticket.key(), entryId));
        if (!mayWithdrawAnyones && !entry.loggedBy().equals(user)) {
            throw new AccessDeniedException(entry.loggedBy() + " logged time entry " + entryId
                    + "; only they or a manager may withdraw it");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw new InvalidHoursRequestException("reason", "at most " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        if (!log.withdraw(entryId, user, now, why)) {
            throw new TimeEntryNotFoundException(ticket.key(), entryId);
        }
        Client client = clientOf(ticket);
        journal.record(ticket.id(), now, user, TIME_WITHDRAWN, describe(entryId, entry.kind(), entry.work(),
                entry.workedAt(), client) + ", logged by " + entry.loggedBy() + (why == null ? "" : "; reason: " + why));
        return entry;
    }

    /** E.g. {@code entry 7: 1:30 of development worked 2026-11-03 10:00 (America/New_York)}. */
    private static String describe(long id, WorkKind kind, Duration work, Instant workedAt, Client client) {
        HoursFormat format = new HoursFormat(client.timeZone());
        return "entry " + id + ": " + format.time(work) + " of " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " worked " + format.local(workedAt) + " (" + client.timeZone() + ")";
    }

    private static void requirePositive(String field, Long id) {
        if (id != null && id < 1) {
            throw new InvalidHoursRequestException(field, field + " must be a positive id");
        }
    }

    private static NewTimeEntry newEntry(Client client, Ticket ticket, Request request, Instant workedAt, String note) {
        if (request.work() == null) {
            throw new InvalidHoursRequestException("duration", "duration is required, e.g. \"PT1H30M\" (or minutes, e.g. 90)");
        }
        try {
            return new NewTimeEntry(client.id(), ticket.id(), request.taskId(), request.quoteId(), request.kind(),
                    request.work(), workedAt, note);
        } catch (IllegalArgumentException e) {
            throw new InvalidHoursRequestException("duration", "duration must be whole minutes, from 1 minute to 24 hours: "
                    + request.work());
        }
    }
}
