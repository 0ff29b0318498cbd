package io.turnaround.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys are in stored rows and in the Message-IDs customers answer: their formats never change. */
class OutboxKeysTest {

    @Test
    void everyKeyKeepsTheFormatStoredRowsAndSentMessageIdsHave() {
        assertThat(OutboxKeys.acknowledgement(7)).isEqualTo("ack-7");
        assertThat(OutboxKeys.triageAcknowledgement(7)).isEqualTo("ack-triage-7");
        assertThat(OutboxKeys.partnerForward(7)).isEqualTo("partner-7");
        assertThat(OutboxKeys.clientHosting(7)).isEqualTo("client-hosting-7");
        assertThat(OutboxKeys.reply(12)).isEqualTo("reply-12");
        assertThat(OutboxKeys.slaWarning(40, 2, "maria")).isEqualTo("sla-40-2-maria");
        assertThat(OutboxKeys.quote(3)).isEqualTo("quote-3");
        assertThat(OutboxKeys.quoteReminder(3)).isEqualTo("quote-reminder-3");
    }

    @Test
    void aReplyFindsTheKeyOfTheMailItAnswers() {
        String messageId = MessageIds.of(OutboxKeys.clientHosting(7), "turnaround.example");
        assertThat(messageId).isEqualTo("<client-hosting-7@turnaround.example>");
        String withoutBrackets = messageId.substring(1, messageId.length() - 1);
        assertThat(MessageIds.keyOf(withoutBrackets, "turnaround.example")).isEqualTo("client-hosting-7");
    }
}
