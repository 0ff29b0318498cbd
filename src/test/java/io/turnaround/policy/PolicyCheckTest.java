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
                .containsPattern("\\n\\d+ scenarios: \\d+ passed, 0 failed\\n")
                .endsWith("Policy check passed\n");
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
                """).containsPattern("\\n\\d+ scenarios: \\d+ passed, 1 failed\\n")
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
