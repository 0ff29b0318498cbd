package io.turnaround.mail;

import org.jsoup.Jsoup;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 822 message with JavaMail: sender, subject, the text (plain text preferred, else the HTML's text),
 * the messages it answers, its attachments, whether a machine sent it (RFC 3834 auto-replies, bounces) and whether
 * it came through a mailing list, which must get no automatic answer.
 */
final class MimeMail {

    private static final Session SESSION = Session.getInstance(lenient());
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    /** Bodies in a charset Java does not know are read as the one mail programs meant most often. */
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private MimeMail() {
    }

    /** MIME parts nest at most this deep; mail programs never go past a handful. */
    static final int MAX_DEPTH = 50;
    /** A message has at most this many MIME parts. */
    static final int MAX_PARTS = 1000;

    /**
     * Reads a message; header values are cut to what intake stores (see {@link HeaderValues}), and
     * {@link IncomingMail#cut()} says which were, so the raw message is kept with them.
     */
    static IncomingMail read(byte[] raw, Instant receivedAt) throws UnreadableMailException {
        return read(raw, receivedAt, true);
    }

    /** A message known by its header block alone (its body over the size limit): its MIME content is not walked. */
    static IncomingMail readHeaders(byte[] headers, Instant receivedAt) throws UnreadableMailException {
        return read(headers, receivedAt, false);
    }

    private static IncomingMail read(byte[] raw, Instant receivedAt, boolean withContent) throws UnreadableMailException {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            List<String> cut = new ArrayList<>();
            String from = sender(message);
            String rawId = messageId(message.getMessageID());
            String id = HeaderValues.messageId(rawId);
            noteCut(cut, "Message-ID", rawId, id);
            String rawSubject = message.getSubject();
            String subject = HeaderValues.text(rawSubject, HeaderValues.SUBJECT);
            noteCut(cut, "Subject", rawSubject, subject);
            List<String> rawReferences = references(message);
            List<String> references = HeaderValues.references(rawReferences);
            noteCut(cut, "In-Reply-To/References", String.join(" ", rawReferences), String.join(" ", references));
            Content content = new Content();
            if (withContent) {
                content.walk(message, 0);
            }
            return new IncomingMail(id, from, subject, HeaderValues.body(content.text()), references,
                    automatic(message, from), noAutoReply(message), receivedAt, content.attachments, cut, null);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMailException("not readable as mail: " + e.getMessage(), e);
        }
    }

    /** From and Subject as far as they can be made out, cut to fit, for listing a message that cannot be read. */
    record Glimpse(String sender, String subject) {
    }

    /** Whatever is wrong with the message, this never fails: what cannot be made out is null. */
    static Glimpse glimpse(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            String from = headers.getHeader("From", ",");
            String subject = headers.getHeader("Subject", " ");
            return new Glimpse(HeaderValues.text(from == null ? null : decoded(from), 320),
                    HeaderValues.text(subject == null ? null : decoded(subject), HeaderValues.SUBJECT));
        } catch (MessagingException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Glimpse(null, null);
        }
    }

    private static String decoded(String text) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(text));
        } catch (UnsupportedEncodingException e) {
            return text;
        }
    }

    private static void noteCut(List<String> cut, String header, String original, String stored) {
        if (original != null && original.length() != stored.length()) {
            cut.add(header + " (" + original.length() + " characters)");
        }
    }

    private static String sender(MimeMessage message) throws MessagingException, UnreadableMailException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new UnreadableMailException("it names no sender address (From)", null);
        }
        String sender = address.getAddress().strip().toLowerCase(Locale.ROOT);
        if (sender.length() > HeaderValues.ADDRESS) {
            throw new UnreadableMailException("its sender address (From) is " + sender.length() + " characters long; an"
                    + " address that can be answered has at most " + HeaderValues.ADDRESS, null);
        }
        return sender;
    }

    /** Why a machine sent this, or null: auto-replies say so (RFC 3834 and older habits), bounces are reports. */
    private static String automatic(MimeMessage message, String from) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return "an automatic message (Auto-Submitted: " + autoSubmitted.strip() + ")";
        }
        if (message.isMimeType("multipart/report")) {
            return "a delivery report (bounce)";
        }
        if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
            return "an auto-reply (X-Autoreply)";
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && List.of("bulk", "junk", "auto_reply").contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "bulk or automatic mail (Precedence: " + precedence.strip() + ")";
        }
        String local = from.substring(0, from.indexOf('@'));
        if (local.equals("mailer-daemon") || local.equals("postmaster")) {
            return "a delivery report from " + from;
        }
        return null;
    }

    /** Why no automatic answer may go back, or null: mail a list delivered goes to everyone on the list. */
    private static String noAutoReply(MimeMessage message) throws MessagingException {
        String listId = message.getHeader("List-Id", null);
        if (listId != null) {
            String list = listId.strip();
            return "mailing list mail (List-Id: " + (list.length() <= 200 ? list : list.substring(0, 199) + "…") + ")";
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && precedence.strip().equalsIgnoreCase("list")) {
            return "mailing list mail (Precedence: list)";
        }
        return null;
    }

    private static List<String> references(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                Matcher m = MESSAGE_ID.matcher(value);
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    private static String messageId(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        return m.find() ? m.group(1) : header.strip();
    }

    /** The text parts and the attachments of a message, walked depth first. */
    private static final class Content {
        private final List<IncomingMail.Attachment> attachments = new ArrayList<>();
        private String plain;
        private String html;

        private int parts;

        void walk(Part part, int depth) throws MessagingException, IOException, UnreadableMailException {
            if (depth > MAX_DEPTH) {
                throw new UnreadableMailException("its MIME parts are nested more than " + MAX_DEPTH + " deep", null);
            }
            if (++parts > MAX_PARTS) {
                throw new UnreadableMailException("it has more than " + MAX_PARTS + " MIME parts", null);
            }
            if (isAttachment(part)) {
                attachments.add(new IncomingMail.Attachment(filename(part), baseType(part), part.getInputStream().readAllBytes()));
            } else if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart child = parts.getBodyPart(i);
                    walk(child, depth + 1);
                }
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = text(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = text(part);
            } else if (!part.isMimeType("text/*")) {
                attachments.add(new IncomingMail.Attachment(filename(part), baseType(part), part.getInputStream().readAllBytes()));
            }
        }

        String text() {
            if (plain != null) {
                return plain;
            }
            return html == null ? "" : Jsoup.parse(html).wholeText().strip();
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || part.getFileName() != null && !part.isMimeType("multipart/*")
                    || part.isMimeType("message/rfc822");
        }

        private static String filename(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name == null) {
                return part.isMimeType("message/rfc822") ? "forwarded-message.eml" : "attachment";
            }
            try {
                return HeaderValues.filename(MimeUtility.decodeText(name));
            } catch (UnsupportedEncodingException e) {
                return HeaderValues.filename(name);
            }
        }

        private static String baseType(Part part) throws MessagingException {
            String type = part.getContentType();
            return type == null ? "application/octet-stream" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        }

        /** The part's text in its declared charset; an unknown charset falls back instead of losing the message. */
        private static String text(Part part) throws MessagingException, IOException {
            try {
                Object content = part.getContent();
                if (content instanceof String text) {
                    return text;
                }
            } catch (UnsupportedEncodingException unknownCharset) {
                // read the bytes below
            }
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readAllBytes();
                return new String(bytes, isUtf8(bytes) ? StandardCharsets.UTF_8 : FALLBACK);
            }
        }

        private static boolean isUtf8(byte[] bytes) {
            return Arrays.equals(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), bytes);
        }
    }

    private static Properties lenient() {
        Properties properties = new Properties();
        // Mail programs write encoded words and parameters loosely; read them as they meant.
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        return properties;
    }
}
