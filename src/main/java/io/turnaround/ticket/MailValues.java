package io.turnaround.ticket;

import io.turnaround.client.Client;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The values of a ticket's mail templates' placeholders, in words a customer reads. */
final class MailValues {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private MailValues() {
    }

    /** What is known when a ticket arrives; moments in {@code zone}. */
    static Map<String, String> received(Ticket ticket, ZoneId zone) {
        Map<String, String> values = new HashMap<>();
        values.put("ticketKey", ticket.key());
        values.put("subject", ticket.subject());
        values.put("body", ticket.body());
        values.put("sender", ticket.sender());
        values.put("receivedAt", when(ticket.receivedAt(), zone));
        return values;
    }

    /**
     * What is known once the policy has decided; moments in the client's time zone. {@code channelNote} is empty
     * unless the request was not taken on the channel it came by.
     */
    static Map<String, String> decided(Ticket ticket, Client client, String channelNote) {
        Map<String, String> values = received(ticket, client.timeZone());
        values.put("clientName", client.name());
        values.put("tier", capitalized(ticket.tier().name()));
        values.put("category", ticket.category().name().toLowerCase(Locale.ROOT).replace("non_", "non-").replace('_', ' '));
        values.put("slaTarget", duration(ticket.slaTarget()));
        values.put("slaClock", clock(ticket.slaClock()));
        values.put("slaDueAt", when(ticket.slaDueAt(), client.timeZone()));
        values.put("channelNote", channelNote == null ? "" : channelNote);
        return values;
    }

    /** E.g. {@code Tuesday 24 November 2026, 11:00 CST}. */
    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    /** E.g. {@code 30 minutes}, {@code 12 hours}, {@code 1 hour 30 minutes}. */
    static String duration(Duration duration) {
        List<String> parts = new ArrayList<>();
        add(parts, duration.toHours(), "hour");
        add(parts, duration.toMinutesPart(), "minute");
        add(parts, duration.toSecondsPart(), "second");
        return parts.isEmpty() ? "no time" : String.join(" ", parts);
    }

    /** The clock's label as stored ({@code 24x7}, {@code BUSINESS_HOURS}) in words. */
    static String clock(String label) {
        return switch (label) {
            case "24x7" -> "around the clock";
            case "BUSINESS_HOURS" -> "business hours";
            default -> label;
        };
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
