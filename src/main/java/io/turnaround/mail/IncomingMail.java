package io.turnaround.mail;

import java.time.Instant;
import java.util.List;

/**
 * A mail message as intake needs it, read from its MIME form: who sent it, what it says, which messages it answers
 * ({@code references}: In-Reply-To and References, without angle brackets), {@code automatic}, the reason it
 * was sent by a machine (an auto-reply or a bounce) or null for a person, and {@code noAutoReply}, the reason no
 * automatic answer may go to its sender (it came through a mailing list) or null. {@code cut} names the header values
 * cut to fit (the raw message is then kept); {@code tooLarge} says why only the headers were read, or is null.
 */
public record IncomingMail(String messageId, String from, String subject, String body, List<String> references,
                           String automatic, String noAutoReply, Instant receivedAt, List<Attachment> attachments,
                           List<String> cut, String tooLarge) {

    public IncomingMail {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        cut = List.copyOf(cut);
    }

    /** The same message known only by its headers: its body was over the size limit, {@code reason} says so. */
    public IncomingMail headersOnly(String reason) {
        return new IncomingMail(messageId, from, subject, "", references, automatic, noAutoReply, receivedAt, List.of(),
                cut, reason);
    }

    /** Whether the raw message is kept with the outcome: a value was cut or the body left out. */
    public boolean keepsRaw() {
        return !cut.isEmpty() || tooLarge != null;
    }

    /** A file that came with the message. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
