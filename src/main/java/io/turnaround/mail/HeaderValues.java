package io.turnaround.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Header values as intake stores them: control characters (PostgreSQL refuses NUL in text) and folded lines become
 * spaces, and a value is cut to what its column holds. The raw message keeps the original.
 */
final class HeaderValues {

    /** RFC 5321's longest path: a longer address cannot be mailed, so a message from one cannot become a ticket. */
    static final int ADDRESS = 254;
    static final int SUBJECT = 500;
    static final int FILENAME = 255;
    /** The most message ids of In-Reply-To and References looked at to find the ticket a message answers. */
    static final int REFERENCES = 100;
    /** Bytes of a Message-ID kept as it is: fits its columns (in angle brackets too) and a unique index entry. */
    private static final int MESSAGE_ID_BYTES = 996;
    private static final int MESSAGE_ID_KEPT = 900;

    private HeaderValues() {
    }

    /**
     * A Message-ID that fits its column is kept; a longer one becomes its beginning and the SHA-256 of the whole, the
     * same wherever it appears (Message-ID, In-Reply-To, References), so the same message is still recognised and
     * answers to it still thread.
     */
    static String messageId(String id) {
        if (id == null) {
            return null;
        }
        String clean = oneLine(id);
        if (clean.getBytes(StandardCharsets.UTF_8).length <= MESSAGE_ID_BYTES) {
            return clean;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MESSAGE_ID_KEPT) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return kept.append("#sha256=").append(sha256(id)).toString();
    }

    /** A single line of text without control characters, at most {@code max} characters (cut with an ellipsis). */
    static String text(String value, int max) {
        return value == null ? null : cut(oneLine(value).strip(), max);
    }

    /** A file name without control characters or folder separators, at most {@link #FILENAME} characters. */
    static String filename(String name) {
        String clean = text(name, Integer.MAX_VALUE).replace('/', '_').replace('\\', '_');
        return clean.isBlank() ? "attachment" : cut(clean, FILENAME);
    }

    /** Body text as stored: everything but NUL, which PostgreSQL's text cannot hold. */
    static String body(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    /** The first {@link #REFERENCES} ids, each as {@link #messageId}. */
    static List<String> references(List<String> ids) {
        return ids.stream().limit(REFERENCES).map(HeaderValues::messageId).toList();
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String oneLine(String value) {
        StringBuilder line = new StringBuilder(Math.min(value.length(), 4096));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                continue;
            }
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        return line.toString();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
