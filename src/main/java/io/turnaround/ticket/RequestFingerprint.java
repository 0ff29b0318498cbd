package io.turnaround.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two new-ticket requests the same request: their fields as read, not their bytes, so a retry that orders
 * or spaces its JSON differently, or writes the same instant in another offset, is still the same.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** SHA-256, in hex, of the request's fields, each length-prefixed so no two requests run together. */
    static String of(NewTicket request) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, request.from());
        field(canonical, request.subject());
        field(canonical, request.body());
        field(canonical, request.channel().name());
        field(canonical, request.receivedAt() == null ? null : request.receivedAt().toString());
        field(canonical, request.category() == null ? null : request.category().name());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }
}
