package io.turnaround.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The mail templates a policy holds in {@code rules/mail/}, the placeholders each may use, and those it must use.
 * A template written when a ticket arrives knows only what came in; one written when the policy has decided also
 * knows the client and the promise.
 */
public enum MailTemplateName {

    // {channelNote} speaks to the sender (why a chat message was taken as email): only their acknowledgement knows it.
    ACKNOWLEDGEMENT("acknowledgement.txt", "the acknowledgement to a known client's sender", Stage.DECIDED,
            List.of("channelNote"), List.of(Set.of("slaTarget", "slaDueAt"))),
    ACKNOWLEDGEMENT_TRIAGE("acknowledgement-triage.txt", "the acknowledgement to an unknown sender (ticket in triage)",
            Stage.RECEIVED, List.of(), List.of()),
    PARTNER_FORWARD("partner-forward.txt", "the forward of a hosting-partner emergency to the partner", Stage.DECIDED,
            List.of(), List.of(Set.of("body"))),
    CLIENT_HOSTING("client-hosting.txt", "the notice to a self-hosted client's hosting contact", Stage.DECIDED,
            List.of(), List.of(Set.of("body"))),
    // A quote mail must carry its price and the link the client answers through.
    QUOTE("quote.txt", "the custom-work quote to the client", Stage.QUOTED,
            List.of(), List.of(Set.of("quoteLink"), Set.of("amount"))),
    QUOTE_REMINDER("quote-reminder.txt", "the reminder of an unanswered quote", Stage.QUOTED,
            List.of(), List.of(Set.of("quoteLink")));

    public static final String FOLDER = "rules/mail/";

    private static final List<String> RECEIVED = List.of("ticketKey", "subject", "body", "sender", "receivedAt");
    private static final List<String> DECIDED = List.of("clientName", "tier", "category", "slaTarget", "slaClock",
            "slaDueAt");

    /** What a quote's mail knows: the ticket's key, subject and sender, the client, and the quote itself. */
    private static final List<String> QUOTED = List.of("ticketKey", "subject", "sender", "clientName", "tier",
            "description", "hours", "includedHours", "billableHours", "hourlyRate", "amount", "expiresAt", "quoteLink");

    private enum Stage { RECEIVED, DECIDED, QUOTED }

    private final String file;
    private final String purpose;
    private final Stage stage;
    private final List<String> ownPlaceholders;
    private final List<Set<String>> requiredAnyOf;

    MailTemplateName(String file, String purpose, Stage stage, List<String> ownPlaceholders,
                     List<Set<String>> requiredAnyOf) {
        this.file = file;
        this.purpose = purpose;
        this.stage = stage;
        this.ownPlaceholders = ownPlaceholders;
        this.requiredAnyOf = requiredAnyOf;
    }

    /** Its path in the bundle, e.g. {@code rules/mail/acknowledgement.txt}. */
    public String path() {
        return FOLDER + file;
    }

    public String purpose() {
        return purpose;
    }

    /** The placeholders it may use, in a stable order for messages. */
    public Set<String> placeholders() {
        if (stage == Stage.QUOTED) {
            return new LinkedHashSet<>(QUOTED);
        }
        Set<String> names = new LinkedHashSet<>(RECEIVED);
        if (stage == Stage.DECIDED) {
            names.addAll(DECIDED);
        }
        names.addAll(ownPlaceholders);
        return names;
    }

    /** Groups of placeholders of which the template must use at least one each. */
    List<Set<String>> requiredAnyOf() {
        return requiredAnyOf;
    }
}
