package io.turnaround.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A mail message as intake needs it, read from its MIME form: who sent it, what it says, which messages it answers
 * ({@code references}: In-Reply-To and References, without angle brackets), {@code automatic}, the reason it
 * was sent by a machine (an auto-reply or a bounce) or null for a person, and {@code noAutoReply}, the reason no
 * automatic answer may go to its sender (it came through a mailing list) or null.
 */
public record IncomingMail(String messageId, String from, String subject, String body, List<String> references,
                           String automatic, String noAutoReply, Instant receivedAt, List<Attachment> attachments) {

    public IncomingMail {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
    }

    /** A file that came with the message. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
