package io.turnaround.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail templates of the policy: how one is filled in, and what the policy check finds wrong with one. */
class MailTemplateTest {

    private static final String ACK = MailTemplateName.ACKNOWLEDGEMENT.path();

    @Test
    void theSubjectLineAndThePlaceholdersAreFilledIn() {
        MailTemplate template = MailTemplate.parse("""
                Subject: [{ticketKey}] We have your request: {subject}

                Ticket {ticketKey} is due by {slaDueAt}.
                """);

        MailTemplate.Rendered mail = template.render(Map.of("ticketKey", "TCK-000042", "subject", "Site down",
                "slaDueAt", "Tuesday 24 November 2026, 11:00 CST"));

        assertThat(mail.subject()).isEqualTo("[TCK-000042] We have your request: Site down");
        assertThat(mail.body()).isEqualTo("Ticket TCK-000042 is due by Tuesday 24 November 2026, 11:00 CST.\n");
    }

    @Test
    void aValueIsPutInAsItIsNeverReadAsAPlaceholderAndASubjectStaysOneLine() {
        MailTemplate template = MailTemplate.parse("Subject: [{ticketKey}] {subject}\n{body} {unknown} {ticketKey\n");

        MailTemplate.Rendered mail = template.render(Map.of("ticketKey", "TCK-000001", "subject", "Two\r\nlines",
                "body", "costs $5 and {ticketKey}"));

        assertThat(mail.subject()).isEqualTo("[TCK-000001] Two lines");
        assertThat(mail.body()).isEqualTo("costs $5 and {ticketKey} {unknown} {ticketKey\n");
    }

    @Test
    void anEmptyValueAtTheEndOfALineLeavesNoTrailingBlanks() {
        MailTemplate template = MailTemplate.parse("Subject: {ticketKey}\nYour ticket is {ticketKey}. {channelNote}\n"
                + "Keep {ticketKey} {channelNote} in the subject.\n");

        MailTemplate.Rendered mail = template.render(Map.of("ticketKey", "TCK-000001", "channelNote", ""));

        assertThat(mail.body()).isEqualTo("Your ticket is TCK-000001.\nKeep TCK-000001  in the subject.\n");
    }

    @Test
    void theShippedTemplatesPassTheCheck() {
        assertThat(MailTemplates.problems(PolicyFixtures.shippedBundle())).isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsReportedWithItsFileAndLine() {
        List<PolicyProblem> problems = MailTemplates.problems(shippedWith(ACK, """
                Subject: [{ticketKey}] We have it

                Due by {slaDueAt}.
                Your account manager is {accountManager}.
                """));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(ACK);
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("unknown placeholder {accountManager}; ").contains("{slaDueAt}");
        });
    }

    @Test
    void theTriageAcknowledgementCannotPromiseWhatIsNotDecidedYet() {
        String path = MailTemplateName.ACKNOWLEDGEMENT_TRIAGE.path();

        assertThat(MailTemplates.problems(shippedWith(path, "Subject: [{ticketKey}] Got it\n\nDue by {slaDueAt}.\n")))
                .extracting(PolicyProblem::toString)
                .containsExactly(path + ":3: unknown placeholder {slaDueAt}; the acknowledgement to an unknown sender"
                        + " (ticket in triage) knows {ticketKey}, {subject}, {body}, {sender}, {receivedAt}");
    }

    @Test
    void onlyTheSendersAcknowledgementKnowsTheChannelNote() {
        String forward = MailTemplateName.PARTNER_FORWARD.path();

        assertThat(MailTemplates.problems(shippedWith(ACK, "Subject: [{ticketKey}] Got it\n\n{channelNote}\nDue by {slaDueAt}.\n")))
                .isEmpty();
        assertThat(MailTemplates.problems(shippedWith(forward, "Subject: [{ticketKey}] Emergency\n\n{body}\n{channelNote}\n")))
                .extracting(PolicyProblem::toString).singleElement().asString()
                .startsWith(forward + ":4: unknown placeholder {channelNote}; ");
    }

    @Test
    void aMissingTemplateAndAnUnknownFileAreReported() {
        Map<String, String> files = new TreeMap<>(PolicyFixtures.shippedBundle().files());
        files.remove(MailTemplateName.PARTNER_FORWARD.path());
        files.put("rules/mail/acknowledgment.txt", "Subject: [{ticketKey}] typo in the name\n\nbody\n");

        assertThat(MailTemplates.problems(PolicyBundle.of(files))).extracting(PolicyProblem::toString).containsExactly(
                "rules/mail/partner-forward.txt: missing: the forward of a hosting-partner emergency to the partner is"
                        + " written from it",
                "rules/mail/acknowledgment.txt: no mail is written from this file; the templates are"
                        + " rules/mail/acknowledgement.txt, rules/mail/acknowledgement-triage.txt,"
                        + " rules/mail/partner-forward.txt, rules/mail/client-hosting.txt, rules/mail/quote.txt,"
                        + " rules/mail/quote-reminder.txt");
    }

    @Test
    void aQuoteMailMustCarryItsLinkAndPriceAndKnowsOnlyTheQuotesPlaceholders() {
        String path = MailTemplateName.QUOTE.path();

        assertThat(MailTemplates.problems(shippedWith(path, "Subject: [{ticketKey}] Your quote\n\n{hours} hours, due"
                + " {slaDueAt}.\n"))).extracting(PolicyProblem::toString).containsExactly(
                path + ":3: unknown placeholder {slaDueAt}; the custom-work quote to the client knows {ticketKey},"
                        + " {subject}, {sender}, {clientName}, {tier}, {description}, {hours}, {includedHours},"
                        + " {billableHours}, {hourlyRate}, {amount}, {expiresAt}, {quoteLink}",
                path + ": the custom-work quote to the client must use {quoteLink}",
                path + ": the custom-work quote to the client must use {amount}");
    }

    @Test
    void theSubjectMustCarryTheTicketKeyAndTheAcknowledgementThePromise() {
        assertThat(MailTemplates.problems(shippedWith(ACK, "Subject: We have it\n\nThanks for {subject}.\n")))
                .extracting(PolicyProblem::toString).containsExactly(
                        ACK + ":1: the subject must hold [{ticketKey}], so that answers find their ticket",
                        ACK + ": the acknowledgement to a known client's sender must use {slaDueAt} or {slaTarget}");
        assertThat(MailTemplates.problems(shippedWith(ACK, "Dear {clientName},\n\nDue by {slaDueAt}.\n")))
                .extracting(PolicyProblem::toString)
                .containsExactly(ACK + ":1: the first line is the subject: 'Subject: [{ticketKey}] ...'");
    }

    @Test
    void anUnclosedPlaceholderAndAnEmptyBodyAreReported() {
        assertThat(MailTemplates.problems(shippedWith(ACK, "Subject: [{ticketKey}] Due by {slaDueAt\n\n")))
                .extracting(PolicyProblem::toString).containsExactly(
                        ACK + ":2: the body is empty",
                        ACK + ":1: '{slaDueAt' has no closing }",
                        ACK + ": the acknowledgement to a known client's sender must use {slaDueAt} or {slaTarget}");
    }

    @Test
    void aTemplateIsAPolicyFileAndASingleTxtUploadGoesToRulesMail() {
        assertThat(PolicyBundle.isPolicyFile("rules/mail/acknowledgement.txt")).isTrue();
        assertThat(PolicyBundle.isPolicyFile("rules/notes.txt")).isFalse();
        assertThat(PolicyFilePaths.forUpload("partner-forward.txt")).isEqualTo("rules/mail/partner-forward.txt");
    }

    private static PolicyBundle shippedWith(String path, String content) {
        Map<String, String> files = new TreeMap<>(PolicyFixtures.shippedBundle().files());
        files.put(path, content);
        return PolicyBundle.of(files);
    }
}
