package io.turnaround.mail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading raw mail: text, charsets, attachments, threads, and telling a machine's mail from a person's. */
class MimeMailTest {

    private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");

    @Test
    void aPlainMessageGivesSenderSubjectTextAndTheMessagesItAnswers() throws Exception {
        IncomingMail mail = MimeMail.read(MailFixtures.plain("m1@client.example", "Gil Gold <Ops@Goldcrest.example>",
                "Re: [TCK-000042] Login", "Still broken", "In-Reply-To: <reply-7@turnaround.example>",
                "References: <m0@client.example> <reply-7@turnaround.example>"), NOW);

        assertThat(mail.from()).isEqualTo("ops@goldcrest.example");
        assertThat(mail.messageId()).isEqualTo("m1@client.example");
        assertThat(mail.subject()).isEqualTo("Re: [TCK-000042] Login");
        assertThat(mail.body().strip()).isEqualTo("Still broken");
        assertThat(mail.references()).contains("reply-7@turnaround.example", "m0@client.example");
        assertThat(mail.automatic()).isNull();
    }

    @Test
    void latin1MailIsDecodedByItsDeclaredCharset() throws Exception {
        IncomingMail mail = MimeMail.read(MailFixtures.latin1("m2@client.example", "ops@goldcrest.example"), NOW);

        assertThat(mail.subject()).isEqualTo("Grüße");
        assertThat(mail.body()).contains("Grüße aus Köln");
    }

    @Test
    void mailInACharsetJavaDoesNotKnowIsStillRead() throws Exception {
        byte[] raw = new String(MailFixtures.latin1("m3@client.example", "ops@goldcrest.example"), StandardCharsets.ISO_8859_1)
                .replace("charset=ISO-8859-1", "charset=x-no-such-charset").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(MimeMail.read(raw, NOW).body()).contains("Grüße aus Köln");
    }

    @Test
    void htmlOnlyMailGivesItsTextWithoutMarkupOrScripts() throws Exception {
        IncomingMail mail = MimeMail.read(MailFixtures.htmlOnly("m4@client.example", "ops@goldcrest.example"), NOW);

        assertThat(mail.body()).contains("Users cannot log in").doesNotContain("<b>");
    }

    @Test
    void attachmentsComeWithNameTypeAndContent() throws Exception {
        IncomingMail mail = MimeMail.read(MailFixtures.withAttachment("m5@client.example", "ops@goldcrest.example",
                "Invoice", "invoice.pdf", new byte[] {1, 2, 3}), NOW);

        assertThat(mail.body()).contains("See the attached file.");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("invoice.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.content()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void autoRepliesAndBouncesAreTheWorkOfMachines() throws Exception {
        assertThat(MimeMail.read(MailFixtures.plain("m6@client.example", "ops@goldcrest.example", "Out of office",
                "Back Monday", "Auto-Submitted: auto-replied"), NOW).automatic()).contains("Auto-Submitted");
        assertThat(MimeMail.read(MailFixtures.plain("m7@client.example", "ops@goldcrest.example", "Re: your ticket",
                "Thanks", "Auto-Submitted: no"), NOW).automatic()).isNull();
        assertThat(MimeMail.read(MailFixtures.plain("m8@client.example", "ops@goldcrest.example", "Away", "Away",
                "X-Autoreply: yes"), NOW).automatic()).isNotNull();
        assertThat(MimeMail.read(MailFixtures.bounce("m9@mail.example"), NOW).automatic()).contains("delivery report");
    }

    @Test
    void bulkMailIsAMachinesAndListMailAPersonsThatMustGetNoAutomaticAnswer() throws Exception {
        IncomingMail bulk = MimeMail.read(MailFixtures.plain("m11@news.example", "news@shop.example", "Offers", "Buy",
                "Precedence: bulk"), NOW);
        assertThat(bulk.automatic()).contains("Precedence: bulk");

        IncomingMail list = MimeMail.read(MailFixtures.plain("m12@lists.example", "ops@goldcrest.example", "Site down",
                "For everyone", "List-Id: Goldcrest operations <ops.goldcrest.example>"), NOW);
        assertThat(list.automatic()).as("a person wrote it").isNull();
        assertThat(list.noAutoReply()).isEqualTo("mailing list mail (List-Id: Goldcrest operations"
                + " <ops.goldcrest.example>)");
        assertThat(MimeMail.read(MailFixtures.plain("m13@lists.example", "ops@goldcrest.example", "Down", "Down",
                "Precedence: List"), NOW).noAutoReply()).contains("Precedence: list");
        assertThat(MimeMail.read(MailFixtures.plain("m14@client.example", "ops@goldcrest.example", "Down", "Down"), NOW)
                .noAutoReply()).isNull();
    }

    @Test
    void mailWithoutASenderOrWithABrokenStructureIsUnreadable() {
        assertThatThrownBy(() -> MimeMail.read(MailFixtures.noSender("m10@x.example"), NOW))
                .isInstanceOf(UnreadableMailException.class).hasMessageContaining("sender");
        assertThatThrownBy(() -> MimeMail.read(MailFixtures.brokenMultipart("m11@x.example", "ops@goldcrest.example"), NOW))
                .isInstanceOf(UnreadableMailException.class);
    }

    @Test
    void anOverlongMessageIdIsCutTheSameWayWhereverItAppearsSoRepliesStillThread() throws Exception {
        String longId = "x".repeat(1189) + "@x.example";
        IncomingMail original = MimeMail.read(MailFixtures.plain(longId, "ops@goldcrest.example", "Long", "id"), NOW);
        IncomingMail reply = MimeMail.read(MailFixtures.plain("r1@goldcrest.example", "ops@goldcrest.example", "Re: Long",
                "answer", "In-Reply-To: <" + longId + ">"), NOW);

        assertThat(original.messageId()).hasSizeLessThanOrEqualTo(996).startsWith("xxx").contains("#sha256=");
        assertThat(reply.references()).containsExactly(original.messageId());
        assertThat(original.cut()).containsExactly("Message-ID (1199 characters)");
        assertThat(MimeMail.read(MailFixtures.plain("y" + longId, "ops@goldcrest.example", "Long", "id"), NOW).messageId())
                .as("another id with the same beginning stays another").isNotEqualTo(original.messageId());
    }

    @Test
    void headerValuesAreCutToTheirColumnsAndNulIsLeftOut() throws Exception {
        IncomingMail mail = MimeMail.read(MailFixtures.plain("m20@client.example", "ops@goldcrest.example",
                "Long " + "s".repeat(5000), "a \u0000 NUL"), NOW);
        assertThat(mail.subject()).hasSize(500).endsWith("…");
        assertThat(mail.body()).doesNotContain("\u0000").contains("a  NUL");
        assertThat(mail.cut()).containsExactly("Subject (5005 characters)");

        IncomingMail file = MimeMail.read(MailFixtures.withAttachment("m21@client.example", "ops@goldcrest.example",
                "Logs", "../../etc/" + "n".repeat(400) + ".log", new byte[10]), NOW);
        assertThat(file.attachments().get(0).filename()).hasSize(255).startsWith(".._.._etc_nnn");
    }

    @Test
    void aSenderAddressNoOneCouldAnswerAndMimePartsNestedTooDeepAreUnreadable() {
        assertThatThrownBy(() -> MimeMail.read(MailFixtures.plain("m22@x.example", "a".repeat(300) + "@x.example", "Hi",
                "hi"), NOW)).isInstanceOf(UnreadableMailException.class).hasMessageContaining("310 characters long");
        StringBuilder deep = new StringBuilder("Message-ID: <m23@x.example>\r\nFrom: ops@goldcrest.example\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < 60; i++) {
            deep.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
                    .append("\"\r\n\r\n");
        }
        deep.append("--b60\r\nContent-Type: text/plain\r\n\r\nbottom\r\n");
        for (int i = 60; i >= 0; i--) {
            deep.append("--b").append(i).append("--\r\n");
        }
        assertThatThrownBy(() -> MimeMail.read(deep.toString().getBytes(StandardCharsets.US_ASCII), NOW))
                .isInstanceOf(UnreadableMailException.class).hasMessageContaining("nested more than 50 deep");
    }

    @Test
    void anyMessageGivesAGlimpseOfItsSenderAndSubjectForStaff() {
        MimeMail.Glimpse glimpse = MimeMail.glimpse(MailFixtures.plain("m24@x.example", "a".repeat(400) + "@x.example",
                "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=", "hi"));
        assertThat(glimpse.sender()).hasSize(320);
        assertThat(glimpse.subject()).isEqualTo("Grüße");
        assertThat(MimeMail.glimpse(new byte[] {0, 1, 2})).isEqualTo(new MimeMail.Glimpse(null, null));
    }
}
