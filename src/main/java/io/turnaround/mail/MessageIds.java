package io.turnaround.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The Message-ID of an outbound mail is made from its idempotency key: a mail sent again (after a crash between the
 * SMTP server's acceptance and our marking it sent) carries the same Message-ID, so a receiver can drop the copy.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** {@code <key@domain>}, the form of RFC 5322's msg-id; other characters than letters, digits, - and _ are encoded. */
    public static String of(String idempotencyKey, String domain) {
        StringBuilder id = new StringBuilder("<");
        for (byte b : idempotencyKey.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                id.append(c);
            } else {
                // '=' is allowed in a msg-id and never left as itself, so two keys never share a Message-ID.
                id.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return id.append('@').append(domain).append('>').toString();
    }

    /**
     * The idempotency key a Message-ID of ours was made from ({@code key@domain}, without angle brackets), or null when
     * the Message-ID is not one of ours.
     */
    public static String keyOf(String messageId, String domain) {
        String suffix = "@" + domain;
        if (messageId == null || !messageId.endsWith(suffix)) {
            return null;
        }
        String local = messageId.substring(0, messageId.length() - suffix.length());
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c != '=') {
                key.write(c);
            } else if (i + 2 < local.length() && HexFormat.isHexDigit(local.charAt(i + 1))
                    && HexFormat.isHexDigit(local.charAt(i + 2))) {
                key.write(HexFormat.fromHexDigits(local, i + 1, i + 3));
                i += 2;
            } else {
                return null;
            }
        }
        return key.toString(StandardCharsets.UTF_8);
    }
}
