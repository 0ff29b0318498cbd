package io.turnaround.ticket;

import io.turnaround.database.Timestamps;
import io.turnaround.mail.MailKind;
import io.turnaround.mail.MailStatus;
import io.turnaround.mail.Outbox;
import io.turnaround.mail.OutboxKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.turnaround.ticket.HistoryEvent.CUSTOMER_REPLIED;
import static io.turnaround.ticket.HistoryEvent.NOTE_ADDED;
import static io.turnaround.ticket.HistoryEvent.PARTNER_REPLIED;
import static io.turnaround.ticket.HistoryEvent.REPLY_QUEUED;

/**
 * What staff write on a ticket. A reply to the customer is stored and queued in the outbox in one transaction,
 * so a reply is never shown as sent without being queued, nor queued twice; it answers, as a mail, the
 * acknowledgement its sender got.
 */
@Service
public class Conversation {

    /** What a message may hold (the column's size). */
    static final int MAX_BODY = 20000;

    private final JdbcTemplate jdbc;
    private final Tickets tickets;
    private final TicketHistory history;
    private final Outbox outbox;
    private final TicketMail mail;
    private final TicketPromises promises;
    private final Attachments attachments;
    private final Clock clock;

    Conversation(JdbcTemplate jdbc, Tickets tickets, TicketHistory history, Outbox outbox, TicketMail mail,
                 TicketPromises promises, Attachments attachments, Clock clock) {
        this.promises = promises;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.mail = mail;
        this.tickets = tickets;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public TicketMessage addNote(String key, String author, String body) {
        Ticket ticket = tickets.byKey(key);
        Instant now = clock.instant();
        long id = insert(ticket.id(), TicketMessage.Kind.NOTE, author, body, now);
        history.add(ticket.id(), now, author, NOTE_ADDED, abbreviate(body));
        return new TicketMessage(id, TicketMessage.Kind.NOTE, author, body, now, null);
    }

    @Transactional
    public TicketMessage reply(String key, String author, String body) {
        Ticket ticket = tickets.byKey(key);
        Instant now = clock.instant();
        long id = insert(ticket.id(), TicketMessage.Kind.REPLY, author, body, now);
        outbox.queue(new Outbox.Mail(MailKind.REPLY, OutboxKeys.reply(id), ticket.id(), id, ticket.sender(),
                "[" + ticket.key() + "] Re: " + ticket.subject(), body, mail.threadOf(ticket.id())), now);
        history.add(ticket.id(), now, author, REPLY_QUEUED, "to " + ticket.sender() + ": " + abbreviate(body));
        promises.answered(ticket.id(), now);
        return new TicketMessage(id, TicketMessage.Kind.REPLY, author, body, now, "QUEUED");
    }

    /** A mail from the customer or the hosting partner, added to the ticket it answers. */
    TicketMessage received(long ticketId, TicketMessage.Kind kind, String from, String body, Instant at) {
        String text = InboundMails.abbreviate(body, MAX_BODY);
        long id = insert(ticketId, kind, from, text, at);
        history.add(ticketId, at, from, kind == TicketMessage.Kind.PARTNER ? PARTNER_REPLIED
                : CUSTOMER_REPLIED,
                abbreviate(text.isBlank() ? "(no text)" : text));
        return new TicketMessage(id, kind, from, text, at, null);
    }

    public List<TicketAttachment> attachmentsOf(long ticketId) {
        return attachments.of(ticketId);
    }

    public Optional<byte[]> attachment(long ticketId, long attachmentId) {
        return attachments.content(ticketId, attachmentId);
    }

    public List<TicketMessage> of(long ticketId) {
        Map<Long, MailStatus> mailed = outbox.statusOfMessages(ticketId);
        return jdbc.query("select * from ticket_message where ticket_id = ? order by id", (rs, n) -> {
            long id = rs.getLong("id");
            TicketMessage.Kind kind = TicketMessage.Kind.valueOf(rs.getString("kind"));
            // Every reply was queued with the reply itself; one without its outbox row was sent, and retention deleted the row.
            MailStatus status = mailed.getOrDefault(id, kind == TicketMessage.Kind.REPLY ? MailStatus.SENT : null);
            return new TicketMessage(id, kind, rs.getString("author"), rs.getString("body"),
                    Timestamps.instant(rs, "created_at"), status == null ? null : status.name());
        }, ticketId);
    }

    private long insert(long ticketId, TicketMessage.Kind kind, String author, String body, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("insert into ticket_message (ticket_id, kind, author, body, created_at)"
                    + " values (?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, ticketId);
            s.setString(2, kind.name());
            s.setString(3, author);
            s.setString(4, body);
            s.setObject(5, Timestamps.utc(at));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
