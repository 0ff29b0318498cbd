package io.turnaround.policy.facts;

import io.turnaround.sla.LocalHolidays;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the policy knows about a request: the client's plan, hosting and own holidays, the text and when it arrived.
 * Immutable; rules read it and never change it.
 */
public final class TicketFacts implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Tier tier;
    private final Hosting hosting;
    private final String subject;
    private final String body;
    private final Channel channel;
    private final Instant receivedAt;
    private final Category requestedCategory;
    /** Null in facts stored before clients had holidays. */
    private final LocalHolidays clientHolidays;
    private transient String normalizedText;
    private transient CustomerText words;
    /** What the conditions matched, while a fired rule's conditions are asked again to explain it; else null. */
    private static final ThreadLocal<List<MatchedWords>> MATCHED = new ThreadLocal<>();

    /** Facts of a client with no holidays of its own. */
    public TicketFacts(Tier tier, Hosting hosting, String subject, String body, Channel channel,
                       Instant receivedAt, Category requestedCategory) {
        this(tier, hosting, subject, body, channel, receivedAt, requestedCategory, LocalHolidays.none());
    }

    public TicketFacts(Tier tier, Hosting hosting, String subject, String body, Channel channel,
                       Instant receivedAt, Category requestedCategory, LocalHolidays clientHolidays) {
        this.tier = Objects.requireNonNull(tier, "tier");
        this.hosting = Objects.requireNonNull(hosting, "hosting");
        this.subject = subject == null ? "" : subject;
        this.body = body == null ? "" : body;
        this.channel = channel == null ? Channel.EMAIL : channel;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.requestedCategory = requestedCategory;
        this.clientHolidays = Objects.requireNonNull(clientHolidays, "clientHolidays");
    }

    /** The same facts for a client with these holidays (dates in the client's time zone). */
    public TicketFacts withClientHolidays(LocalHolidays holidays) {
        return new TicketFacts(tier, hosting, subject, body, channel, receivedAt, requestedCategory, holidays);
    }

    public Tier getTier() {
        return tier;
    }

    public Hosting getHosting() {
        return hosting;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    /** The category staff chose, or null when the rules should classify the text. */
    public Category getRequestedCategory() {
        return requestedCategory;
    }

    /**
     * The client's own holidays, dates in the client's time zone; the rules close a calendar on them with
     * {@code calendar.closedOn($t.getClientHolidays())}. Empty when the client has none.
     */
    public LocalHolidays getClientHolidays() {
        return clientHolidays == null ? LocalHolidays.none() : clientHolidays;
    }

    /** The client's time zone, the zone of its holidays. */
    public ZoneId getClientZone() {
        return getClientHolidays().zone();
    }

    /**
     * Whether the subject or body contains any of the phrases, separated by {@code |}.
     * Matching ignores case, repeated spaces and the kind of apostrophe.
     */
    public boolean mentionsAny(String phrases) {
        String text = normalizedText();
        return Arrays.stream(phrases.split("\\|"))
                .map(TicketFacts::normalize)
                .filter(p -> !p.isEmpty())
                .filter(text::contains)
                .findFirst()
                .map(phrase -> matched(List.of(new MatchedWords(phrase,
                        (" " + normalize(subject) + " ").contains(phrase) ? "subject" : "body"))))
                .orElse(false);
    }

    /**
     * Whether the subject or body says any of the phrases ({@code |} between them) as words, and as so now: "load"
     * matches "loads", "loading" and "loaded", "cannot" matches "can't", "cant" and "can not", and a phrase that is
     * negated ("not down"), asked about ("is the site down tonight?"), supposed ("if the site goes down") or told
     * as over ("was down yesterday, fine now") does not count. Quoted history and signatures are not read.
     */
    public boolean mentionsWord(String phrases) {
        return matched(words().mentions(phrases));
    }

    /**
     * Whether a phrase of the first list, said as so now (see {@link #mentionsWord}), and a phrase of the second are
     * in one sentence at most {@code words} words apart: "the site" and "is down", "nobody" and "can log in".
     */
    public boolean mentionsNear(String phrases, String others, int words) {
        return matched(words().mentionsNear(phrases, others, words));
    }

    /**
     * The words the conditions asked in {@code conditions} matched (a condition that matched nothing adds nothing).
     * The explanation of a decision asks a fired rule's conditions again through this.
     */
    static List<MatchedWords> matchedWhile(Runnable conditions) {
        List<MatchedWords> matched = new ArrayList<>();
        MATCHED.set(matched);
        try {
            conditions.run();
        } finally {
            MATCHED.remove();
        }
        return matched;
    }

    private static boolean matched(List<MatchedWords> words) {
        List<MatchedWords> recording = MATCHED.get();
        if (recording != null) {
            words.stream().filter(w -> !recording.contains(w)).forEach(recording::add);
        }
        return !words.isEmpty();
    }

    private CustomerText words() {
        if (words == null) {
            words = new CustomerText(subject, body);
        }
        return words;
    }

    private String normalizedText() {
        if (normalizedText == null) {
            normalizedText = " " + normalize(subject + " \n " + body) + " ";
        }
        return normalizedText;
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ").trim();
    }

    @Override
    public String toString() {
        return "TicketFacts[" + tier + ", " + hosting + ", " + channel + ", " + receivedAt + ", '" + subject + "']";
    }
}
