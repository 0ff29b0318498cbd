package io.turnaround.policy;

import io.turnaround.support.PolicyFolders;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line check of a policy folder: its report and its exit status. */
class PolicyCheckTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void theShippedFolderPasses() {
        int status = check(".");

        assertThat(status).isEqualTo(PolicyCheck.PASSED);
        assertThat(output()).contains("Every tier x hosting x category (32 combinations) gets a complete decision.")
                .containsPattern("\\n\\d+ scenarios: \\d+ passed, 0 failed; rules/scenarios/classification.yaml:"
                        + " (\\d+) of \\1 requests get their category \\(100\\.0%; at least 100%\\)\\n")
                .containsPattern("(?m)^  EMERGENCY +(\\d+) +\\1 +100\\.0%$")
                .containsPattern("(?m)^  expected \\\\ got +EMERGENCY +NON_EMERGENCY +CUSTOM_WORK +TRAINING *$")
                .endsWith("Policy check passed\n");
    }

    @Test
    void aCorpusIsCountedAndPassesAtItsThreshold() throws IOException {
        Path folder = PolicyFolders.copyOfShipped();
        Files.writeString(folder.resolve("rules/scenarios/small-corpus.yaml"), corpus("75%"));

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.PASSED);
        assertThat(output()).contains("""
                rules/scenarios/small-corpus.yaml: 3 of 4 requests get their category (75.0%; at least 75%)
                  expected       requests  right  accuracy
                  EMERGENCY      2         1      50.0%
                  NON_EMERGENCY  1         1      100.0%
                  CUSTOM_WORK    0         0      -
                  TRAINING       1         1      100.0%
                  expected \\ got EMERGENCY      NON_EMERGENCY  CUSTOM_WORK    TRAINING
                  EMERGENCY      1              1              0              0
                  NON_EMERGENCY  0              1              0              0
                  CUSTOM_WORK    0              0              0              0
                  TRAINING       0              0              0              1
                rules/scenarios/small-corpus.yaml:12 "Labelled an emergency on purpose"
                  expected EMERGENCY, got NON_EMERGENCY from the rule "Non-emergency: one user or one function is affected"
                """).contains(", 1 of a corpus got another category;").endsWith("Policy check passed\n");
    }

    @Test
    void aCorpusBelowItsThresholdFailsTheCheck() throws IOException {
        Path folder = PolicyFolders.copyOfShipped();
        Files.writeString(folder.resolve("rules/scenarios/small-corpus.yaml"), corpus("80%"));

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.FAILED);
        assertThat(output()).contains("rules/scenarios/small-corpus.yaml: 3 of 4 requests get their category (75.0%;"
                + " at least 80%), below its threshold").endsWith("Policy check FAILED\n");
    }

    @Test
    void aCorpusNeedsAShareAndCategoriesToCount() throws IOException {
        Path folder = PolicyFolders.copyOfShipped();
        Files.writeString(folder.resolve("rules/scenarios/small-corpus.yaml"), corpus("101%")
                .replace("  expect: {category: TRAINING}", "  expect: {route: TRAINING}"));

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.FAILED);
        assertThat(output()).contains("rules/scenarios/small-corpus.yaml:1: accuracy: '101%' is not a share; write one"
                        + " from 0% to 100%, like 100% or 97.5%")
                .contains("rules/scenarios/small-corpus.yaml:9: scenario 'Training' is in a corpus, so it expects a"
                        + " category");
    }

    /** Four requests, one labelled wrongly on purpose, with the share of them that must get their category. */
    private static String corpus(String accuracy) {
        return "accuracy: " + accuracy + "\n" + """
                scenarios:
                - name: Down for everyone
                  ticket: {tier: GOLD, hosting: PARTNER, subject: "The site is down for everyone", receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {category: EMERGENCY}
                - name: A question
                  ticket: {tier: GOLD, hosting: PARTNER, subject: "Is the site down for maintenance tonight?", receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {category: NON_EMERGENCY}
                - name: Training
                  ticket: {tier: SILVER, hosting: SELF, subject: "Could you run a training session for our staff?", receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {category: TRAINING}
                - name: Labelled an emergency on purpose
                  ticket: {tier: BRONZE, hosting: SELF, subject: "Where is my invoice?", receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {category: EMERGENCY}
                """;
    }

    @Test
    void aRuleThatDoesNotCompileFailsWithItsFileAndLine() {
        Path folder = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(folder, "rules/sla.drl", "setSlaTarget($d.getPlan().emergencyTurnaround())",
                "setSlaTarget($d.getPlan().emergencyTurnaroundd())");

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.FAILED);
        assertThat(output()).containsPattern("(?m)^rules/sla\\.drl:\\d+: ")
                .contains("the scenarios did not run")
                .endsWith("Policy check FAILED\n");
    }

    @Test
    void aFailingScenarioFailsWithItsDiff() throws IOException {
        Path folder = PolicyFolders.copyOfShipped();
        Files.writeString(folder.resolve("rules/scenarios/gold-promise.yaml"), """
                - name: Gold standard request is due within eight business hours
                  ticket:
                    tier: GOLD
                    hosting: PARTNER
                    subject: A user cannot log in
                    receivedAt: 2026-06-03T10:00:00-07:00
                  expect:
                    slaTarget: PT8H
                    slaDueAt: 2026-06-03T18:00:00-07:00
                """);

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.FAILED);
        assertThat(output()).contains("""
                rules/scenarios/gold-promise.yaml:1 "Gold standard request is due within eight business hours"
                  slaTarget  expected PT8H                    got PT12H
                  slaDueAt   expected 2026-06-03T18:00-07:00  got 2026-06-04T12:00-07:00
                """).containsPattern("\\n\\d+ scenarios: \\d+ passed, 1 failed; ")
                .endsWith("Policy check FAILED\n");
    }

    @Test
    void aProblemInAScenarioFileFailsWithItsFileAndLine() throws IOException {
        Path folder = PolicyFolders.copyOfShipped();
        Files.writeString(folder.resolve("rules/scenarios/typo.yaml"), """
                - name: A typo in the tier
                  ticket: {tier: GOLDEN, hosting: PARTNER, receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {route: SUPPORT_DESK}
                """);

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.FAILED);
        assertThat(output()).contains("rules/scenarios/typo.yaml:2: tier: 'GOLDEN' is not a tier;")
                .contains(", 1 problem in the scenario files");
    }

    @Test
    void aMailTemplateWithAnUnknownPlaceholderFailsWithItsFileAndLine() {
        Path folder = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(folder, "rules/mail/partner-forward.txt", "Received:  {receivedAt}", "Received:  {receivedOn}");

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.FAILED);
        assertThat(output()).containsPattern("(?m)^rules/mail/partner-forward\\.txt:\\d+: unknown placeholder \\{receivedOn}; ")
                .contains("Every tier x hosting x category (32 combinations) gets a complete decision.")
                .endsWith("Policy check FAILED\n");
    }

    @Test
    void aTierWithNoPlanIsReportedAsAGapForEachOfItsCombinations() {
        Path folder = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(folder, "rules/tiers.drl", "TicketFacts(tier == Tier.PLATINUM)",
                "TicketFacts(tier == Tier.PLATINUM, subject == \"never\")");

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.FAILED);
        assertThat(output()).contains("gap: PLATINUM tier, SELF hosting, TRAINING set by staff: nothing set for plan,")
                .contains("8 gaps in 32 tier x hosting x category combinations.");
    }

    @Test
    void codeThatReachesOutsideThePolicyFailsWithItsFileLineAndName() {
        Path folder = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(folder, "rules/escalations.drl", "$d.escalate(Escalation.atPercent(100).breach(\"support-managers\"));",
                "$d.escalate(Escalation.atPercent(100).breach(System.getenv(\"BREACH_GROUP\")));");

        int status = check(folder.toString());

        assertThat(status).isEqualTo(PolicyCheck.FAILED);
        assertThat(output()).contains("rules/escalations.drl:34: not allowed in policy code: java.lang.System")
                .endsWith("Policy check FAILED\n");
    }

    @Test
    void aMissingFolderIsAUsageError() {
        int status = check("no/such/folder");

        assertThat(status).isEqualTo(PolicyCheck.USAGE);
        assertThat(output()).startsWith("no such folder: ").contains("usage: check-policy [folder]");
    }

    @Test
    void aFolderWithoutRulesAndProcessesIsAUsageError() {
        int status = check("src");

        assertThat(status).isEqualTo(PolicyCheck.USAGE);
        assertThat(output()).startsWith("not a policy folder (it needs rules/ and processes/): ");
    }

    private int check(String... args) {
        return PolicyCheck.run(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
