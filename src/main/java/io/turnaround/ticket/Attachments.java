package io.turnaround.ticket;

import io.turnaround.database.Timestamps;
import io.turnaround.mail.IncomingMail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Files that came with a ticket's mail. One over the size limit is listed without its content. */
@Repository
class Attachments {

    private final JdbcTemplate jdbc;

    Attachments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the files; returns the names of those left out for their size. */
    List<String> store(long ticketId, long inboundMailId, List<IncomingMail.Attachment> files, long maxBytes, Instant at) {
        List<String> oversize = new ArrayList<>();
        for (IncomingMail.Attachment file : files) {
            boolean fits = file.content().length <= maxBytes;
            if (!fits) {
                oversize.add(file.filename() + " (" + file.content().length + " bytes)");
            }
            jdbc.update("insert into ticket_attachment (ticket_id, inbound_mail_id, filename, content_type, size_bytes,"
                            + " content, created_at) values (?, ?, ?, ?, ?, ?, ?)", ticketId, inboundMailId,
                    InboundMails.abbreviate(file.filename(), 300), InboundMails.abbreviate(file.contentType(), 200),
                    file.content().length, fits ? file.content() : null, Timestamps.utc(at));
        }
        return oversize;
    }

    List<TicketAttachment> of(long ticketId) {
        return jdbc.query("select id, filename, content_type, size_bytes, content is not null as stored, created_at,"
                        + " removed_at from ticket_attachment where ticket_id = ? order by id",
                (rs, n) -> new TicketAttachment(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getBoolean("stored"), Timestamps.instant(rs, "created_at"),
                        Timestamps.instant(rs, "removed_at")), ticketId);
    }

    Optional<byte[]> content(long ticketId, long id) {
        return jdbc.query("select content from ticket_attachment where ticket_id = ? and id = ? and content is not null",
                (rs, n) -> rs.getBytes("content"), ticketId, id).stream().findFirst();
    }
}
