package io.turnaround.client;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a client's contact may be: one mail address ({@code ada@bluebird.example}) or a whole domain written with its
 * at sign ({@code @bluebird.example}). Kept in lower case; a sender matches its address first, then its domain.
 */
public final class ContactAddresses {

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+");
    private static final Pattern LOCAL_PART = Pattern.compile("[^@\\s\"<>(),;:\\\\\\[\\]]{1,64}");

    private ContactAddresses() {
    }

    public static String normalized(String contact) {
        return contact == null ? "" : contact.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isDomain(String contact) {
        return normalized(contact).startsWith("@");
    }

    /** The domain contact that covers an address: {@code @bluebird.example} for {@code ada@bluebird.example}. */
    public static String domainOf(String address) {
        String normalized = normalized(address);
        return "@" + normalized.substring(normalized.lastIndexOf('@') + 1);
    }

    /** Why this is no contact; empty when it is one. */
    public static Optional<String> refusal(String contact) {
        String value = normalized(contact);
        int at = value.lastIndexOf('@');
        boolean fits = value.length() <= 320 && at >= 0 && DOMAIN.matcher(value.substring(at + 1)).matches()
                && (at == 0 || LOCAL_PART.matcher(value.substring(0, at)).matches());
        return fits ? Optional.empty() : Optional.of("a contact is a mail address (ada@bluebird.example) or a whole"
                + " domain (@bluebird.example): not " + (contact == null || contact.isBlank() ? "an empty one" : contact));
    }
}
