package io.turnaround.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ticket keys like {@code TCK-000042}, derived from the ticket's id. */
public final class TicketKey {

    private static final Pattern KEY = Pattern.compile("TCK-(\\d{6,18})");

    private TicketKey() {
    }

    public static String of(long id) {
        return String.format("TCK-%06d", id);
    }

    public static long idOf(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw new TicketNotFoundException(key);
        }
        return Long.parseLong(m.group(1));
    }
}
