package io.turnaround.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.turnaround.policy.PolicyFixtures.shippedBundle;
import static io.turnaround.policy.PolicyFixtures.shippedBundleWith;
import static io.turnaround.policy.PolicyFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The analysts' scenarios: the shipped ones pin down the shipped policy, and a scenario file is read strictly. */
class PolicyScenariosTest {

    private static final String GOLD_REQUEST = """
            - name: Gold request
              ticket:
                tier: GOLD
                hosting: PARTNER
                subject: A user cannot log in
                receivedAt: 2026-06-03T10:00:00-07:00
              expect:
            """;

    @Test
    void theShippedScenariosAllPass() {
        ScenarioReport report = PolicyScenarios.run(shippedBundle(), shippedRules());

        assertThat(report.problems()).isEmpty();
        assertThat(report.failures()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.total()).isGreaterThanOrEqualTo(40);
        assertThat(report.summary()).startsWith(report.total() + " scenarios: " + report.total() + " passed, 0 failed;"
                + " rules/scenarios/classification.yaml: ");
        assertThat(report.corpora()).singleElement().satisfies(corpus -> {
            assertThat(corpus.cases()).isGreaterThanOrEqualTo(300).isEqualTo(corpus.correct());
            assertThat(corpus.misclassified()).isEmpty();
        });
    }

    @Test
    void aShorterGoldTurnaroundFailsTheGoldScenariosWithTheTargetAndDueInstantThatChanged() {
        PolicyBundle changed = shippedBundleWith("rules/tiers.drl",
                drl -> drl.replace(".standardTurnaround(\"PT12H\")", ".standardTurnaround(\"PT8H\")"));

        ScenarioReport report = PolicyScenarios.run(changed, rulesOf(changed, "0.0.1-gold-8h"));

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).isEmpty();
        assertThat(report.failures()).extracting(ScenarioFailure::name)
                .contains("Gold non-emergency is due within 12 business hours",
                        "Gold custom feature goes to sales for a quote within 12 business hours")
                .noneMatch(name -> name.contains("Bronze") || name.contains("Silver") || name.contains("Platinum"));
        ScenarioFailure gold = failure(report, "Gold non-emergency is due within 12 business hours");
        assertThat(gold.file()).isEqualTo("rules/scenarios/standard-requests.yaml");
        assertThat(gold.error()).isNull();
        assertThat(gold.differences()).containsExactly(
                new ScenarioDifference("slaTarget", "PT12H", "PT8H"),
                new ScenarioDifference("slaDueAt", "2026-06-04T12:00-07:00", "2026-06-03T18:00-07:00"));
        assertThat(gold.toString()).isEqualTo("""
                rules/scenarios/standard-requests.yaml:%d "Gold non-emergency is due within 12 business hours"
                  slaTarget  expected PT12H                   got PT8H
                  slaDueAt   expected 2026-06-04T12:00-07:00  got 2026-06-03T18:00-07:00""".formatted(gold.line()));
        assertThat(report.summary()).contains(report.failures().size() + " failed;");
    }

    @Test
    void aTierTheRulesCannotDecideIsAFailureWithTheUnmadePartsNotADifference() {
        PolicyBundle noPlatinum = shippedBundleWith("rules/tiers.drl",
                drl -> drl.replace("TicketFacts(tier == Tier.PLATINUM)", "TicketFacts(tier == Tier.PLATINUM, subject == \"never\")"));

        ScenarioReport report = PolicyScenarios.run(noPlatinum, rulesOf(noPlatinum, "0.0.1-no-platinum"));

        ScenarioFailure platinum = failure(report, "Platinum emergency is due within 30 minutes, around the clock");
        assertThat(platinum.differences()).isEmpty();
        assertThat(platinum.error()).startsWith("the policy made no complete decision: nothing set for plan, slaTarget");
        assertThat(platinum.toString()).contains("rules/scenarios/emergencies.yaml:", "\n  the policy made no complete decision");
    }

    @Test
    void aDueInstantThatDiffersIsShownInTheZoneTheAnalystWroteIt() {
        ScenarioReport report = run(Map.of("rules/scenarios/zones.yaml", """
                - name: Written in UTC
                  ticket: {tier: GOLD, hosting: PARTNER, subject: A user cannot log in, receivedAt: 2026-06-03T17:00:00Z}
                  expect: {slaDueAt: 2026-06-04T20:00:00Z}
                - name: Written in Tokyo time
                  ticket: {tier: GOLD, hosting: PARTNER, subject: A user cannot log in, receivedAt: 2026-06-03T17:00:00Z}
                  expect:
                    slaDueAt: 2026-06-05T05:00+09:00[Asia/Tokyo]
                """));

        assertThat(report.problems()).isEmpty();
        assertThat(report.failures()).extracting(f -> f.differences().get(0)).containsExactly(
                new ScenarioDifference("slaDueAt", "2026-06-04T20:00Z", "2026-06-04T19:00Z"),
                new ScenarioDifference("slaDueAt", "2026-06-05T05:00+09:00[Asia/Tokyo]", "2026-06-05T04:00+09:00[Asia/Tokyo]"));
    }

    @Test
    void valuesMayBeWrittenInAnyCaseAndTheClockByItsLabelOrName() {
        ScenarioReport report = run(Map.of("rules/scenarios/case.yaml", """
                - name: Lower case
                  ticket: {tier: gold, hosting: self, subject: Hello, channel: chat, category: non-emergency,
                           receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {category: Non_Emergency, route: support_desk, slaClock: business_hours, slaTarget: pt12h}
                - name: The 24/7 clock by its name
                  ticket: {tier: GOLD, hosting: PARTNER, subject: Site is down, receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {slaClock: TWENTY_FOUR_SEVEN}
                """));

        assertThat(report.problems()).isEmpty();
        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isEqualTo(2);
    }

    @Test
    void malformedYamlIsAProblemAtItsLineWithAHint() {
        ScenarioReport report = run(Map.of("rules/scenarios/broken.yaml", """
                - name: Unquoted colon
                  ticket:
                    tier: GOLD
                    subject: Site is down: error 500
                """));

        assertThat(report.problems()).containsExactly(new PolicyProblem("rules/scenarios/broken.yaml", 4,
                "not valid YAML: mapping values are not allowed here (a value holding ': ' needs quotes,"
                        + " e.g. subject: \"Site is down: error 500\")"));
        assertThat(report.total()).isZero();
        assertThat(report.ok()).isFalse();
        assertThat(report.summary()).isEqualTo("0 scenarios: 0 passed, 0 failed, 1 problem in the scenario files");
    }

    @Test
    void anUnknownKeyIsAProblemNamingTheKeysThereAre() {
        ScenarioReport report = run(Map.of("rules/scenarios/keys.yaml", GOLD_REQUEST.replace("    subject:", "    colour: red\n    subject:")
                + "    slaTraget: PT12H\n"));

        assertThat(report.problems()).extracting(PolicyProblem::toString).containsExactly(
                "rules/scenarios/keys.yaml:5: unknown key 'colour' in the ticket; its keys are tier, hosting, subject, body,"
                        + " channel, receivedAt, category, client",
                "rules/scenarios/keys.yaml:9: unknown key 'slaTraget' in expect; its keys are category, route,"
                        + " candidateGroup, slaTarget, slaClock, slaDueAt");
    }

    @Test
    void badValuesAreProblemsNamingWhatIsAllowed() {
        ScenarioReport report = run(Map.of("rules/scenarios/values.yaml", """
                - name: Bad values
                  ticket:
                    tier: GOLDEN
                    hosting: PARTNER
                    receivedAt: 2026-06-03T10:00:00
                    client: {zone: Asia/Tokio, holidays: [24/12/2026]}
                  expect:
                    route: SUPPORT
                    slaTarget: 12 hours
                    slaClock: 24/7
                    slaDueAt: tomorrow
                """));

        assertThat(report.problems()).extracting(PolicyProblem::line, PolicyProblem::message).containsExactly(
                tuple(3, "tier: 'GOLDEN' is not a tier; use one of BRONZE, SILVER, GOLD, PLATINUM"),
                tuple(5, "receivedAt: '2026-06-03T10:00:00' needs its UTC offset, e.g."
                        + " 2026-06-03T10:00:00-07:00 for Pacific time on that day, or 2026-06-03T10:00:00Z for UTC"),
                tuple(6, "zone: 'Asia/Tokio' is not an IANA time zone like America/Los_Angeles or Asia/Tokyo"),
                tuple(6, "holidays: '24/12/2026' is not a date like 2026-12-24"),
                tuple(8, "route: 'SUPPORT' is not a route; use one of HOSTING_PARTNER, CLIENT_HOSTING,"
                        + " DEV_TEAM, SUPPORT_DESK, CUSTOM_QUOTE, TRAINING"),
                tuple(9, "slaTarget: '12 hours' is not an ISO-8601 duration like PT30M, PT12H or PT48H"),
                tuple(10, "slaClock: '24/7' is not an SLA clock; use one of 24x7, BUSINESS_HOURS"),
                tuple(11, "slaDueAt: 'tomorrow' is not a date-time like 2026-03-02T09:00:00-08:00"
                        + " (with its UTC offset, or Z for UTC)"));
        assertThat(report.total()).isZero();
    }

    @Test
    void missingPartsAndRepeatedNamesAreProblemsWhileTheFilesOtherScenariosStillRun() {
        ScenarioReport report = run(Map.of("rules/scenarios/parts.yaml", """
                - name: Fine
                  ticket: {tier: GOLD, hosting: PARTNER, subject: Site is down, receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {route: HOSTING_PARTNER}
                - ticket: {tier: GOLD, hosting: PARTNER, receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {route: SUPPORT_DESK}
                - name: No ticket
                  expect: {route: SUPPORT_DESK}
                - name: No expect
                  ticket: {tier: GOLD, hosting: PARTNER, receivedAt: 2026-06-03T10:00:00-07:00}
                - name: No tier
                  ticket: {hosting: PARTNER, receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {route: SUPPORT_DESK}
                - name: Fine
                  ticket: {tier: GOLD, hosting: PARTNER, receivedAt: 2026-06-03T10:00:00-07:00}
                  expect: {route: SUPPORT_DESK}
                """));

        assertThat(report.problems()).extracting(PolicyProblem::toString).containsExactly(
                "rules/scenarios/parts.yaml:4: a scenario needs a name that says the behaviour it pins down",
                "rules/scenarios/parts.yaml:6: scenario 'No ticket' has no ticket: give at least its tier, hosting and"
                        + " receivedAt (or a charge: its tier, kind and work)",
                "rules/scenarios/parts.yaml:8: scenario 'No expect' has no expect: give any of category, route,"
                        + " candidateGroup, slaTarget, slaClock, slaDueAt",
                "rules/scenarios/parts.yaml:11: the ticket needs a tier: one of BRONZE, SILVER, GOLD, PLATINUM",
                "rules/scenarios/parts.yaml:13: another scenario in this file is already named 'Fine' (line 1)");
        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.summary()).isEqualTo("1 scenario: 1 passed, 0 failed, 5 problems in the scenario files");
    }

    @Test
    void aRateTheAnalystChangedFailsTheChargeScenariosWithTheRateAndAmountThatChanged() {
        PolicyBundle changed = shippedBundleWith("rules/tiers.drl",
                drl -> drl.replace(".includedHoursPerMonth(80).hourlyRate(\"80.00\")", ".includedHoursPerMonth(80).hourlyRate(\"90.00\")"));

        ScenarioReport report = PolicyScenarios.run(changed, rulesOf(changed, "0.0.1-platinum-90"));

        ScenarioFailure quote = failure(report, "A Platinum quote of 100 hours with 30 hours left costs 70 hours at $80");
        assertThat(quote.file()).isEqualTo("rules/scenarios/hours.yaml");
        assertThat(quote.differences()).containsExactly(new ScenarioDifference("rate", "80", "90.00"),
                new ScenarioDifference("amount", "5600.00", "6300.00"));
        assertThat(report.failures()).extracting(ScenarioFailure::name).allMatch(name -> name.contains("Platinum")
                || name.contains("to the cent"));
    }

    @Test
    void aChargeScenarioIsReadAsStrictlyAsATicketScenario() {
        ScenarioReport report = run(Map.of("rules/scenarios/charges.yaml", """
                - name: Fine
                  charge: {tier: SILVER, kind: development, work: PT7H}
                  expect: {included: PT5H, billable: PT2H, rate: 100, amount: "$200.00"}
                - name: Wrong amount
                  charge: {tier: SILVER, kind: TRAINING, work: PT7H, includedUsedBefore: PT1H}
                  expect: {amount: 200}
                - name: Bad values
                  charge: {tier: SILVER, kind: SUPPORT, work: 7 hours}
                  expect: {rate: cheap, amount: 1.005}
                - name: Both
                  ticket: {tier: GOLD, hosting: PARTNER, receivedAt: 2026-06-03T10:00:00-07:00}
                  charge: {tier: GOLD, kind: TRAINING, work: PT1H}
                  expect: {included: PT1H}
                - name: Expects nothing
                  charge: {tier: GOLD, kind: TRAINING, work: PT1H}
                  expect: {}
                """));

        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.differences())
                .containsExactly(new ScenarioDifference("amount", "200", "300.00")));
        assertThat(report.problems()).extracting(PolicyProblem::toString).containsExactly(
                "rules/scenarios/charges.yaml:8: kind: 'SUPPORT' is not a kind of work; use one of TRAINING, DEVELOPMENT,"
                        + " CUSTOM_WORK",
                "rules/scenarios/charges.yaml:8: work: '7 hours' is not an ISO-8601 duration like PT30M, PT12H or PT48H",
                "rules/scenarios/charges.yaml:9: rate: 'cheap' is not an amount of dollars like 100 or 5600.00",
                "rules/scenarios/charges.yaml:9: amount: '1.005' is not an amount of dollars like 100 or 5600.00",
                "rules/scenarios/charges.yaml:10: scenario 'Both' has both a ticket and a charge: a scenario asks about"
                        + " one of them",
                "rules/scenarios/charges.yaml:16: scenario 'Expects nothing' expects nothing: give any of included,"
                        + " billable, rate, amount");
    }

    @Test
    void aFileThatIsNotAListOfScenariosIsAProblem() {
        ScenarioReport report = run(Map.of("rules/scenarios/one.yml", "name: Forgot the dash\nticket: {}\n"));

        assertThat(report.problems()).extracting(PolicyProblem::toString).containsExactly(
                "rules/scenarios/one.yml:1: a scenario file is a list of scenarios, each starting with '- name:'");
    }

    @Test
    void aFailureReadsAsADiffWithAlignedColumns() {
        ScenarioFailure failure = new ScenarioFailure("rules/scenarios/gold.yaml", 12, "Gold standard request in business hours",
                List.of(new ScenarioDifference("slaTarget", "PT12H", "PT8H"),
                        new ScenarioDifference("route", "SUPPORT_DESK", "TRAINING")), null);

        assertThat(failure).hasToString("""
                rules/scenarios/gold.yaml:12 "Gold standard request in business hours"
                  slaTarget  expected PT12H         got PT8H
                  route      expected SUPPORT_DESK  got TRAINING""");
    }

    /** The scenario files given, decided by the shipped rules. */
    private static ScenarioReport run(Map<String, String> scenarioFiles) {
        return PolicyScenarios.run(PolicyBundle.of(new TreeMap<>(scenarioFiles)), shippedRules());
    }

    private static PolicyRules rulesOf(PolicyBundle bundle, String version) {
        return PolicyRules.load(PolicyCompiler.compile(bundle, version), bundle.calendars());
    }

    private static ScenarioFailure failure(ScenarioReport report, String name) {
        return report.failures().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no failure named '" + name + "' in " + report.failures()));
    }
}
