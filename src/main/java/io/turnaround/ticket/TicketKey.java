package io.turnaround.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ticket keys like {@code TCK-000042}, derived from the ticket's id. */
public final class TicketKey {

    private static final Pattern KEY = Pattern.compile("TCK-(\\d{6,18})");

    private TicketKey() {
    }

    /** The key of a ticket id, zero-padded to six digits (without String.format: every task list row makes one). */
    public static String of(long id) {
        String digits = Long.toString(id);
        return digits.length() >= 6 ? "TCK-" + digits : "TCK-" + "000000".substring(digits.length()) + digits;
    }

    public static long idOf(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw new TicketNotFoundException(key);
        }
        return Long.parseLong(m.group(1));
    }
}
