package io.turnaround.policy.facts;

import java.io.Serializable;

/**
 * Words of the request a rule's condition matched, as the customer wrote them (in lower case, without accents or
 * punctuation), and the field they are in: {@code subject} or {@code body}.
 */
public record MatchedWords(String words, String field) implements Serializable {
}
