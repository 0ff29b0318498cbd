package io.turnaround.policy.facts;

import org.tartarus.snowball.ext.EnglishStemmer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a customer wrote, read as words for the classification rules ({@link TicketFacts#mentionsWord},
 * {@link TicketFacts#mentionsNear}).
 * <ul>
 *   <li>Case, accents, punctuation and the kind of apostrophe do not count; contractions read the same with or
 *   without their apostrophe or space ("can't", "cant", "can not" and "cannot" are all "cannot", and so are
 *   "won't" and "will not"; "isn't" is "is not").</li>
 *   <li>Each word is reduced to its stem (Snowball's English stemmer), so "loads", "loading" and "loaded" all match
 *   "load", and "users" matches "user".</li>
 *   <li>Quoted history (lines starting with {@code >}, everything after "On … wrote:", and the subject of a reply
 *   or forward, "Re: …") and the signature (after a {@code --} line) are not read.</li>
 *   <li>The text is cut into clauses at sentence ends, semicolons, line ends and "but". A phrase counts only where
 *   its clause says it is so now: not one or two words after "not", "never" or "no longer" ("not down"), not in a question
 *   unless it asks why ("is the site down for maintenance tonight?"), not after "if", "in case", "whether",
 *   "unless", "suppose", "might", "may", "would" or "will" (what might happen: "the site will go down during the
 *   migration"), and not in a clause told in the past when the text says it is over
 *   ("it was down yesterday, fine now").</li>
 * </ul>
 */
final class CustomerText {

    /** A reply's or forward's subject is the earlier mail's, not what this one says. */
    private static final Pattern REPLY_SUBJECT = Pattern.compile("(?i)^\\s*(re|fwd?|aw|sv)\\s*:.*");
    private static final Pattern QUOTE_HEADER = Pattern.compile("(?im)^\\s*on .{0,200} wrote:\\s*$");
    private static final Pattern SIGNATURE = Pattern.compile("(?m)^-- ?$");
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?;\\n])|\\bbut\\b");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String[][] CONTRACTIONS = {
        {"\\bcan ?not\\b|\\bcan'?t\\b", "cannot"},
        {"\\bwon'?t\\b|\\bwill not\\b", "cannot"},
        {"\\b(is|are|was|were|do|does|did|has|have|had|could|would|should|must|need)n'?t\\b", "$1 not"},
        {"\\bain'?t\\b", "is not"},
    };
    private static final String NEGATIONS = "not | never | no longer";
    private static final int NEGATION_REACH = 2;
    private static final String HYPOTHETICAL = "if | in case | whether | unless | suppose | supposing | might | may"
            + " | would | will";
    private static final String ASKS_WHY = "why | how come";
    private static final String PAST = "was | were | had | went | yesterday | earlier | last night | last week"
            + " | this morning";
    private static final String OVER = "fine now | ok now | okay now | now fine | now ok | now working | back up"
            + " | back online | back to normal | working again | resolved | fixed now | is fixed | been fixed"
            + " | sorted now";
    /** Phrase lists come from the policy's few constants; a cap keeps a policy that builds them on the fly harmless. */
    private static final int MOST_PHRASE_LISTS = 1000;
    private static final Map<String, List<List<String>>> PHRASE_LISTS = new ConcurrentHashMap<>();

    /** A clause's stems, the same words as written, the field it is in, and whether what it says is so now. */
    private record Clause(List<String> words, List<String> written, String field, boolean question, boolean past) {
    }

    /** Where a phrase was found: its clause, and its first and last word there. */
    private record Found(int clause, int from, int to) {
    }

    private final List<Clause> clauses;
    private final boolean over;
    /** The rules ask the same lists again (the emergency rules share theirs): each list is looked for once. */
    private final Map<String, List<Found>> foundByList = new HashMap<>();

    CustomerText(String subject, String body) {
        List<Clause> read = new ArrayList<>();
        EnglishStemmer stemmer = new EnglishStemmer();
        String ownSubject = REPLY_SUBJECT.matcher(subject).matches() ? "" : subject;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", ownSubject);
        fields.put("body", withoutQuotesAndSignature(body));
        fields.forEach((field, text) -> {
            for (String clause : CLAUSE_END.split(plain(text))) {
                List<String> written = words(clause);
                List<String> words = stems(written, stemmer);
                if (!words.isEmpty()) {
                    boolean question = clause.strip().endsWith("?") && !startsWithAny(words, ASKS_WHY);
                    read.add(new Clause(words, written, field, question, containsAny(words, PAST)));
                }
            }
        });
        this.clauses = List.copyOf(read);
        this.over = clauses.stream().anyMatch(clause -> containsAny(clause.words(), OVER));
    }

    /**
     * The first phrase of the list ({@code |} between phrases) the text says as so now, as the customer wrote it;
     * empty when there is none.
     */
    List<MatchedWords> mentions(String phrases) {
        List<Found> found = found(phrases);
        return found.isEmpty() ? List.of() : List.of(matched(found.get(0)));
    }

    /**
     * The first phrase of the first list said as so now with a phrase of the second in one clause, at most
     * {@code words} words apart: both, as the customer wrote them; empty when there is no such pair.
     */
    List<MatchedWords> mentionsNear(String phrases, String others, int words) {
        List<Found> near = all(others);
        for (Found one : found(phrases)) {
            for (Found other : near) {
                if (other.clause() == one.clause() && Math.max(other.from() - one.to(), one.from() - other.to()) <= words) {
                    return List.of(matched(one), matched(other));
                }
            }
        }
        return List.of();
    }

    private MatchedWords matched(Found found) {
        Clause clause = clauses.get(found.clause());
        return new MatchedWords(String.join(" ", clause.written().subList(found.from(), found.to() + 1)), clause.field());
    }

    /** Every place a phrase of the list is said as so now. */
    private List<Found> found(String phrases) {
        return foundByList.computeIfAbsent(phrases, list -> all(list).stream().filter(this::saidAsSoNow).toList());
    }

    private boolean saidAsSoNow(Found found) {
        Clause clause = clauses.get(found.clause());
        List<String> before = clause.words().subList(0, found.from());
        List<String> justBefore = before.subList(Math.max(0, before.size() - NEGATION_REACH), before.size());
        return !clause.question() && !(clause.past() && over) && !containsAny(before, HYPOTHETICAL)
                && !containsAny(justBefore, NEGATIONS);
    }

    /** Every place a phrase of the list is, however it is said. */
    private List<Found> all(String phrases) {
        List<Found> found = new ArrayList<>();
        for (List<String> phrase : phrases(phrases)) {
            for (int c = 0; c < clauses.size(); c++) {
                List<String> words = clauses.get(c).words();
                for (int at = indexOf(words, phrase, 0); at >= 0; at = indexOf(words, phrase, at + 1)) {
                    found.add(new Found(c, at, at + phrase.size() - 1));
                }
            }
        }
        return found;
    }

    private static List<List<String>> phrases(String phrases) {
        if (PHRASE_LISTS.size() > MOST_PHRASE_LISTS) {
            PHRASE_LISTS.clear();
        }
        return PHRASE_LISTS.computeIfAbsent(phrases, list -> {
            EnglishStemmer stemmer = new EnglishStemmer();
            return Arrays.stream(list.split("\\|")).map(phrase -> stems(words(plain(phrase)), stemmer))
                    .filter(words -> !words.isEmpty()).toList();
        });
    }

    private static boolean containsAny(List<String> words, String phrases) {
        return phrases(phrases).stream().anyMatch(phrase -> indexOf(words, phrase, 0) >= 0);
    }

    private static boolean startsWithAny(List<String> words, String phrases) {
        return phrases(phrases).stream().anyMatch(phrase -> indexOf(words, phrase, 0) == 0);
    }

    private static int indexOf(List<String> words, List<String> phrase, int from) {
        for (int at = from; at + phrase.size() <= words.size(); at++) {
            int matched = 0;
            while (matched < phrase.size() && words.get(at + matched).equals(phrase.get(matched))) {
                matched++;
            }
            if (matched == phrase.size()) {
                return at;
            }
        }
        return -1;
    }

    /** Lower case, no accents, one kind of apostrophe, contractions written out. */
    private static String plain(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[\u2018\u2019\u02bc`´]", "'");
        for (String[] contraction : CONTRACTIONS) {
            plain = plain.replaceAll(contraction[0], contraction[1]);
        }
        return plain;
    }

    /** A clause's words (a question mark is not a word). */
    private static List<String> words(String clause) {
        return Arrays.stream(NOT_WORD.split(clause.replace("'", "").replace("?", " "))).filter(w -> !w.isEmpty())
                .toList();
    }

    /** The stem of each word. */
    private static List<String> stems(List<String> words, EnglishStemmer stemmer) {
        List<String> stems = new ArrayList<>(words.size());
        for (String word : words) {
            stemmer.setCurrent(word);
            stemmer.stem();
            stems.add(stemmer.getCurrent());
        }
        return stems;
    }

    /** The body without quoted history and signature: what this mail says, not what earlier ones did. */
    private static String withoutQuotesAndSignature(String body) {
        String text = cutAt(cutAt(body, QUOTE_HEADER), SIGNATURE);
        return String.join("\n", text.lines().filter(line -> !line.stripLeading().startsWith(">")).toList());
    }

    private static String cutAt(String text, Pattern marker) {
        var match = marker.matcher(text);
        return match.find() ? text.substring(0, match.start()) : text;
    }
}
