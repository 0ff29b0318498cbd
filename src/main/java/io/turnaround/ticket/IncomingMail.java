package io.turnaround.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A mail message as intake needs it, read from its MIME form: who sent it, what it says, which messages it answers
 * ({@code references}: In-Reply-To and References, without angle brackets), and {@code automatic}, the reason it
 * was sent by a machine (an auto-reply or a bounce) or null for a person.
 */
public record IncomingMail(String messageId, String from, String subject, String body, List<String> references,
                           String automatic, Instant receivedAt, List<Attachment> attachments) {

    public IncomingMail {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
    }

    /** A file that came with the message. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
