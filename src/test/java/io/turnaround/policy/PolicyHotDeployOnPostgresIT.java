package io.turnaround.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.Multipart;
import io.turnaround.support.PolicyFolders;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.Waits;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gold's non-emergency turnaround goes from 12 to 8 hours in the DRL and is deployed through the REST API while
 * tickets keep arriving: new tickets are due by the 8-hour rule at once, older ones keep their 12 hours, no request
 * fails, and no ticket is decided by anything but a whole version. Then it is rolled back, and activated again with
 * the open tickets moved to it.
 */
class PolicyHotDeployOnPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(PolicyHotDeployOnPostgresIT.class);
    private static final String GOLD_12H = ".emergencyTurnaround(\"PT1H\").standardTurnaround(\"PT12H\")";
    private static final String GOLD_8H = ".emergencyTurnaround(\"PT1H\").standardTurnaround(\"PT8H\")";
    private static final String LOGIN_TROUBLE = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"A user cannot log in\","
            + "\"body\":\"Since this morning\"}";

    /** One intake request made while the version changed. */
    private record Intake(long startedNanos, long tookNanos, int status, int version, String slaTarget) {
    }

    @Test
    void goldsStandardTurnaroundGoesFrom12To8HoursWhileTicketsArriveAndBack() throws Exception {
        Path folder = PolicyFolders.copyOfShipped();
        writeGoldScenarios(folder, "PT12H", "2026-06-04T12:00:00-07:00");
        try (ConfigurableApplicationContext server = start(folder)) {
            Api api = new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
            int shipped = api.get("andy", "/api/policy").body().get("policyVersion").asInt();
            JsonNode older = api.post("intake", "/api/tickets", LOGIN_TROUBLE).body();
            assertThat(older.get("slaTarget").asText()).isEqualTo("PT12H");

            // The DRL alone is refused: the analyst's own scenario still promises 12 hours.
            PolicyFolders.edit(folder, "rules/tiers.drl", GOLD_12H, GOLD_8H);
            Multipart drlOnly = new Multipart().file("files", "tiers.drl", read(folder, "rules/tiers.drl"));
            Api.Response refused = api.post("andy", "/api/policy/versions", drlOnly.bytes(), drlOnly.contentType());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().at("/scenarios/failures/0/differences/0/field").asText()).isEqualTo("slaTarget");

            writeGoldScenarios(folder, "PT8H", "2026-06-03T18:00:00-07:00");
            Multipart change = new Multipart().field("description", "Gold answers within 8 business hours")
                    .file("files", "tiers.drl", read(folder, "rules/tiers.drl"))
                    .file("files", "test.yaml", read(folder, "rules/scenarios/test.yaml"));
            JsonNode draft = api.post("andy", "/api/policy/versions", change.bytes(), change.contentType()).body();
            assertThat(draft.at("/version/state").asText()).as(draft.toString()).isEqualTo("DRAFT");
            assertThat(draft.at("/version/basedOn").asInt()).isEqualTo(shipped);
            int eightHours = draft.at("/version/number").asInt();

            JsonNode impact = api.post("andy", "/api/policy/versions/" + eightHours + "/impact?tickets=50", null).body();
            assertThat(impact.at("/changedFields/slaTarget").asInt()).isEqualTo(1);
            assertThat(impact.at("/changes/0/key").asText()).isEqualTo(older.get("key").asText());
            assertThat(impact.at("/changes/0/after/slaTarget").asText()).isEqualTo("PT8H");

            List<Intake> intakes = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread load = new Thread(() -> createTicketsUntilStopped(api, intakes, running));
            load.start();
            Waits.sleep(Duration.ofSeconds(3));
            long activationStarted = System.nanoTime();
            Api.Response activated = api.post("admin", "/api/policy/versions/" + eightHours + "/activation", "{}");
            long activationEnded = System.nanoTime();
            assertThat(activated.status()).isEqualTo(200);
            Waits.sleep(Duration.ofSeconds(3));
            running.set(false);
            load.join();

            report(intakes, activationStarted, activationEnded);
            assertThat(intakes).allSatisfy(i -> assertThat(i.status()).isEqualTo(201));
            assertThat(intakes).allSatisfy(i -> assertThat(i.slaTarget())
                    .as("a whole version decided it").isEqualTo(i.version() == shipped ? "PT12H" : "PT8H"));
            assertThat(intakes).filteredOn(i -> i.startedNanos() + i.tookNanos() < activationStarted)
                    .isNotEmpty().allSatisfy(i -> assertThat(i.version()).isEqualTo(shipped));
            assertThat(intakes).filteredOn(i -> i.startedNanos() > activationEnded)
                    .isNotEmpty().allSatisfy(i -> assertThat(i.version()).isEqualTo(eightHours));
            JsonNode olderNow = api.get("alice", "/api/tickets/" + older.get("key").asText()).body();
            assertThat(olderNow.get("slaTarget").asText()).isEqualTo("PT12H");
            assertThat(olderNow.get("slaDueAt").asText()).isEqualTo(older.get("slaDueAt").asText());

            assertThat(api.post("admin", "/api/policy/rollback", null).body().get("number").asInt()).isEqualTo(shipped);
            JsonNode afterRollback = api.post("intake", "/api/tickets", LOGIN_TROUBLE).body();
            assertThat(afterRollback.get("policyVersion").asInt()).isEqualTo(shipped);
            assertThat(afterRollback.get("slaTarget").asText()).isEqualTo("PT12H");

            // Activated again, this time moving the open tickets: their SLA is recomputed by the 8-hour rule.
            assertThat(api.post("admin", "/api/policy/versions/" + eightHours + "/activation",
                    "{\"migrateOpenTickets\":true}").status()).isEqualTo(200);
            JsonNode moved = api.get("alice", "/api/tickets/" + older.get("key").asText()).body();
            assertThat(moved.get("policyVersion").asInt()).isEqualTo(eightHours);
            assertThat(moved.get("slaTarget").asText()).isEqualTo("PT8H");
            assertThat(moved.get("history")).anySatisfy(h -> assertThat(h.get("event").asText()).isEqualTo("POLICY_MIGRATED"));

            List<String> steps = new ArrayList<>();
            api.get("andy", "/api/policy/audit").body().forEach(e -> steps.add(0, e.get("action").asText() + " "
                    + e.get("result").asText() + " by " + e.get("actor").asText()));
            assertThat(steps).containsSubsequence("UPLOAD REJECTED by andy", "UPLOAD DRAFT by andy", "PREVIEW OK by andy",
                    "ACTIVATE ACTIVE by admin", "ROLLBACK ACTIVE by admin", "ACTIVATE ACTIVE by admin", "MIGRATE OK by admin");
        }
    }

    private static void createTicketsUntilStopped(Api api, List<Intake> intakes, AtomicBoolean running) {
        while (running.get()) {
            long started = System.nanoTime();
            Api.Response created = api.post("intake", "/api/tickets", LOGIN_TROUBLE);
            long took = System.nanoTime() - started;
            intakes.add(new Intake(started, took, created.status(),
                    created.status() == 201 ? created.body().get("policyVersion").asInt() : -1,
                    created.status() == 201 ? created.body().get("slaTarget").asText() : null));
            Waits.sleep(Duration.ofMillis(40));
        }
    }

    private static void report(List<Intake> intakes, long activationStarted, long activationEnded) {
        List<Long> during = intakes.stream()
                .filter(i -> i.startedNanos() + i.tookNanos() > activationStarted && i.startedNanos() < activationEnded)
                .map(i -> i.tookNanos() / 1_000_000).sorted().toList();
        List<Long> all = intakes.stream().map(i -> i.tookNanos() / 1_000_000).sorted().toList();
        log.info("Activation took {} ms; intake during it: {} requests, max {} ms; whole run: {} requests, p50 {} ms,"
                        + " p99 {} ms", (activationEnded - activationStarted) / 1_000_000, during.size(),
                during.isEmpty() ? 0 : during.get(during.size() - 1), all.size(), all.get(all.size() / 2),
                all.get((int) Math.ceil(all.size() * 0.99) - 1));
    }

    /** The analyst's scenarios for this change, in place of the shipped ones. */
    private static void writeGoldScenarios(Path folder, String target, String dueAt) {
        PolicyFolders.replaceScenarios(folder, """
                - name: Gold non-emergency on Wednesday at 10:00 Pacific
                  ticket:
                    tier: GOLD
                    hosting: PARTNER
                    subject: A user cannot log in
                    receivedAt: 2026-06-03T10:00:00-07:00
                  expect:
                    slaTarget: %s
                    slaDueAt: %s
                """.formatted(target, dueAt));
    }

    private static String read(Path folder, String file) throws IOException {
        return Files.readString(folder.resolve(file));
    }

    private static ConfigurableApplicationContext start(Path policyFolder) {
        EnginePersistence.configure();
        PostgresDatabase database = PostgresDatabase.create();
        return new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(
                Stream.of(database.springArgsWithDemoData()), Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1",
                        "--turnaround.policy.directory=" + policyFolder)).toArray(String[]::new));
    }
}
