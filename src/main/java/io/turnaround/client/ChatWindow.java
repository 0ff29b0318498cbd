package io.turnaround.client;

import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.Tier;
import io.turnaround.sla.BusinessCalendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A plan's chat hours seen at one moment: whether the plan offers chat, whether chat is open, and when it next opens
 * (while closed) or closes (while open). The hours are policy ({@code chatHours} in rules/tiers.drl); this only reads
 * them, in the words the channels endpoint, the ticket history and the customer get. {@code zone} is the chat
 * calendar's; null, like the instants, when there is nothing to say.
 */
public record ChatWindow(Tier tier, Instant at, boolean offered, boolean open, ZoneId zone, Instant opensAt, Instant closesAt) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEEE uuuu-MM-dd HH:mm VV", Locale.ENGLISH);
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);

    public static ChatWindow of(Plan plan, Instant at) {
        BusinessCalendar hours = plan.chatHours();
        if (hours == null) {
            return new ChatWindow(plan.tier(), at, false, false, null, null, null);
        }
        boolean open = hours.isOpenAt(at);
        return new ChatWindow(plan.tier(), at, true, open, hours.zone(),
                open ? null : hours.nextOpening(at).orElse(null),
                open ? hours.nextClosing(at).orElse(null) : null);
    }

    /** E.g. {@code Monday 2026-11-30 08:00 America/Los_Angeles}; null for no instant. */
    String local(Instant instant) {
        return instant == null ? null : LOCAL.format(instant.atZone(zone));
    }

    /** What a chat front-end shows next to its chat button. */
    String message() {
        if (!offered) {
            return "The " + planName() + " plan is email only: no chat. Email is always open.";
        }
        if (open) {
            return "Chat is open now" + (closesAt == null ? "" : ", until " + spoken(closesAt)) + ". Email is always open.";
        }
        return "Chat is closed now; " + (opensAt == null
                ? "it has no opening hours in the coming year." : "it opens " + spoken(opensAt) + ".")
                + " Email is always open.";
    }

    /** Why a chat request was taken as email, for the ticket's history (staff read it). */
    public String takenAsEmail() {
        if (!offered) {
            return "the " + tier + " plan has no chat; taken as email";
        }
        return "chat is closed for " + tier + " at " + at + "; taken as email"
                + (opensAt == null ? "; chat does not open in the coming year" : "; chat opens " + local(opensAt));
    }

    /** The same, politely, for the customer: in the answer to their request and in the acknowledgement mail. */
    public String customerNote() {
        if (!offered) {
            return "Your " + planName() + " plan includes support by email rather than chat, so we have taken your message"
                    + " as an email and will answer you by email.";
        }
        return "Chat was closed when your message arrived, so we have taken it as an email and will answer you by email."
                + (opensAt == null ? "" : " Chat opens again on " + spoken(opensAt) + ".");
    }

    /** E.g. {@code Monday 30 November 2026 at 08:00 Pacific Time}. */
    private String spoken(Instant instant) {
        return SPOKEN.format(instant.atZone(zone)) + " " + zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private String planName() {
        return tier.name().charAt(0) + tier.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
