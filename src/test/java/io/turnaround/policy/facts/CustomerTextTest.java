package io.turnaround.policy.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerTextTest {

    @Test
    void wordsMatchWhateverTheirCaseAccentsPunctuationAndInflection() {
        assertThat(says("", "The SITE is DOWN!!!", "site is down")).isTrue();
        assertThat(says("Pages are not loading", "", "not load")).isTrue();
        assertThat(says("It never loads", "", "load")).as("negated").isFalse();
        assertThat(says("All our users", "", "all our user")).isTrue();
        assertThat(says("Café déconnecté", "", "cafe deconnecte")).isTrue();
        assertThat(says("Download the invoice", "", "down")).as("a word, not letters").isFalse();
    }

    @Test
    void contractionsReadTheSameWithOrWithoutTheirApostrophe() {
        for (String written : new String[] {"can't", "cant", "can not", "cannot", "can\u2019t"}) {
            assertThat(says("Models " + written + " upload", "", "models cannot upload")).as(written).isTrue();
        }
        assertThat(says("The site won't load", "", "cannot load")).isTrue();
        assertThat(says("The site wont load", "", "will not load")).isTrue();
        assertThat(says("It isnt working", "", "is not working")).isTrue();
    }

    @Test
    void aPhraseCountsOnlyWhereItIsSaidAsSoNow() {
        assertThat(says("", "The site is not down.", "down")).as("negated").isFalse();
        assertThat(says("", "It is no longer down.", "down")).as("negated").isFalse();
        assertThat(says("", "The page is not loading for a customer.", "a customer")).as("not its negation").isTrue();
        assertThat(says("", "Is the site down for maintenance tonight?", "down")).as("asked").isFalse();
        assertThat(says("", "Why is the site down?", "down")).as("asked why: it is down").isTrue();
        assertThat(says("", "What if the site goes down?", "go down")).as("supposed").isFalse();
        assertThat(says("", "In case the site goes down, who do we call", "go down")).as("supposed").isFalse();
        assertThat(says("", "The site will go down during the migration.", "go down")).as("planned").isFalse();
        assertThat(says("", "It was down yesterday, fine now.", "down")).as("over").isFalse();
        assertThat(says("", "It was down yesterday. It is down again now.", "down")).as("again").isTrue();
        assertThat(says("", "It was down for an hour and nobody told us.", "down")).as("past, not over").isTrue();
    }

    @Test
    void quotedHistoryAndTheSignatureAreNotRead() {
        String reply = "Thanks, all good.\n\nOn Mon, 1 Jun 2026 at 09:00, Support wrote:\n> The site is down";
        assertThat(says("Re: invoice", reply, "site is down")).isFalse();
        assertThat(says("Re: invoice", "Thanks\n> The site is down\nBye", "site is down")).isFalse();
        assertThat(says("Invoice", "Please resend it.\n-- \nNever down: Acme Hosting", "down")).isFalse();
        assertThat(says("Site down", "-- \nAnna", "site down")).as("the subject is read").isTrue();
        assertThat(says("Re: Site down", "All good now", "site down")).as("but not a reply's").isFalse();
    }

    @Test
    void twoPhrasesAreNearWhenInOneSentenceWithinTheWordsGiven() {
        CustomerText text = new CustomerText("Help", "The whole site is offline. Our users are fine.");
        assertThat(text.mentionsNear("offline", "whole site", 2)).containsExactly(
                new MatchedWords("offline", "body"), new MatchedWords("whole site", "body"));
        assertThat(text.mentionsNear("offline", "whole site", 0)).isEmpty();
        assertThat(text.mentionsNear("offline", "user", 10)).as("another sentence").isEmpty();
        assertThat(new CustomerText("Nobody can log in", "").mentionsNear("nobody", "can log in", 1)).containsExactly(
                new MatchedWords("nobody", "subject"), new MatchedWords("can log in", "subject"));
        assertThat(new CustomerText("The site is not offline", "").mentionsNear("offline", "site", 5))
                .as("the first phrase must be said as so now").isEmpty();
    }

    @Test
    void aMatchIsGivenAsTheCustomerWroteItInItsField() {
        assertThat(new CustomerText("Urgent", "Our Café's website WENT DOWN!").mentions("go down | went down"))
                .containsExactly(new MatchedWords("went down", "body"));
        assertThat(new CustomerText("Members can't upload", "").mentions("cannot upload"))
                .containsExactly(new MatchedWords("cannot upload", "subject"));
    }

    private static boolean says(String subject, String body, String phrases) {
        return !new CustomerText(subject, body).mentions(phrases).isEmpty();
    }
}
