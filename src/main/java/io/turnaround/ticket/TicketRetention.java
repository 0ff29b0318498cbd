package io.turnaround.ticket;

import io.turnaround.database.Timestamps;
import io.turnaround.mail.Outbox;
import io.turnaround.mail.Outbox.SentMail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static io.turnaround.ticket.HistoryEvent.ATTACHMENTS_REMOVED;
import static io.turnaround.ticket.HistoryEvent.MAIL_SENT;

/**
 * What retention may remove from this package's tables, a batch at a time, each call in the caller's transaction. The
 * ticket, its history, conversation and time log are never touched. "Resolved before" means resolved and not changed
 * since: a ticket's {@code updated_at} is the moment it was resolved unless something happened to it afterwards,
 * which only makes it wait longer.
 */
@Repository
public class TicketRetention {

    /** The engine data of a ticket's process instances, each removed on its own schedule. */
    public enum EngineData {
        ENGINE_LOGS("engine_logs_kept"), TASKS("tasks_kept");

        private final String keptColumn;

        EngineData(String keptColumn) {
            this.keptColumn = keptColumn;
        }
    }

    private final JdbcTemplate jdbc;
    private final TicketHistory history;
    private final Outbox outbox;

    TicketRetention(JdbcTemplate jdbc, TicketHistory history, Outbox outbox) {
        this.jdbc = jdbc;
        this.history = history;
        this.outbox = outbox;
    }

    /**
     * Process instances of tickets resolved before then whose engine data of that kind is still kept, in id order after
     * {@code afterProcessInstanceId} (a batch may leave some, e.g. an instance that still runs).
     */
    public List<Long> processesOfResolvedTickets(EngineData data, Instant resolvedBefore, long afterProcessInstanceId,
                                                 int limit) {
        return jdbc.queryForList("select p.process_instance_id from ticket_process p join ticket t on t.id = p.ticket_id"
                        + " where p." + data.keptColumn + " = true and t.status = 'RESOLVED' and t.updated_at < ?"
                        + " and p.process_instance_id > ? order by p.process_instance_id fetch first " + limit + " rows only",
                Long.class, Timestamps.utc(resolvedBefore), afterProcessInstanceId);
    }

    /** The engine data of that kind is gone for these instances; an instance with nothing left is forgotten. */
    public void engineDataRemoved(EngineData data, Collection<Long> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return;
        }
        String in = in(processInstanceIds);
        Object[] ids = processInstanceIds.toArray();
        jdbc.update("update ticket_process set " + data.keptColumn + " = false where process_instance_id in " + in, ids);
        jdbc.update("delete from ticket_process where engine_logs_kept = false and tasks_kept = false"
                + " and process_instance_id in " + in, ids);
    }

    /**
     * Drops the raw bytes of up to {@code limit} messages taken in before then that became a ticket, a reply or were
     * ignored; the log row stays (it recognises a message seen before). Mail that could not be read keeps its raw
     * message: it is all there is of it. Returns how many.
     */
    public int dropRawMail(Instant receivedBefore, int limit) {
        return jdbc.update("update inbound_mail set raw = null where id in (select id from inbound_mail where raw is not null"
                + " and outcome <> 'UNREADABLE' and received_at < ? order by id fetch first " + limit + " rows only)",
                Timestamps.utc(receivedBefore));
    }

    /**
     * Deletes up to {@code limit} outbox rows sent before then; each ticket's history keeps that the mail was sent, when,
     * to whom and its subject. Returns how many.
     */
    public int deleteSentMail(Instant sentBefore, int limit) {
        List<SentMail> sent = outbox.sentBefore(sentBefore, limit);
        for (SentMail mail : sent) {
            if (mail.ticketId() != null) {
                history.add(mail.ticketId(), mail.sentAt(), "mail", MAIL_SENT, describe(mail));
            }
        }
        return outbox.deleteSent(sent.stream().map(SentMail::id).toList());
    }

    /**
     * Drops the content of up to {@code limit} attachments of tickets resolved before then; each stays listed with its
     * name and size, and the ticket's history says the files were removed. Returns how many.
     */
    public int dropAttachments(Instant resolvedBefore, Duration retention, Instant now, int limit) {
        List<long[]> files = jdbc.query("select a.id, a.ticket_id from ticket_attachment a join ticket t on t.id = a.ticket_id"
                        + " where a.content is not null and t.status = 'RESOLVED' and t.updated_at < ? order by a.id"
                        + " fetch first " + limit + " rows only", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                Timestamps.utc(resolvedBefore));
        if (files.isEmpty()) {
            return 0;
        }
        List<Long> ids = files.stream().map(f -> f[0]).toList();
        int dropped = jdbc.update("update ticket_attachment set content = null, removed_at = ? where id in " + in(ids),
                concat(Timestamps.utc(now), ids));
        files.stream().map(f -> f[1]).distinct().forEach(ticketId -> history.add(ticketId, now, "retention",
                ATTACHMENTS_REMOVED, files.stream().filter(f -> f[1] == ticketId).count()
                        + " file(s) removed, the ticket having been resolved more than " + retention + " before"));
        return dropped;
    }

    private static String describe(SentMail mail) {
        String what = switch (mail.kind()) {
            case ACKNOWLEDGEMENT -> "acknowledgement";
            case PARTNER_FORWARD -> "forward to the hosting partner";
            case CLIENT_HOSTING -> "notice to the client's hosting contact";
            default -> mail.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        return InboundMails.abbreviate(what + " to " + mail.recipient() + ": " + mail.subject(), 4000);
    }

    private static String in(Collection<?> values) {
        return "(" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
    }

    private static Object[] concat(Object first, List<Long> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }
}
