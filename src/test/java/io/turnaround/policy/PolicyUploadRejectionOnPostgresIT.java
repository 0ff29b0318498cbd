package io.turnaround.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.Multipart;
import io.turnaround.support.PolicyFolders;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing bad reaches customers: broken DRL, broken BPMN, a failing scenario, a broken mail template, an upload that is
 * no zip or is too large, code that reaches outside the policy, rules that never finish, are each refused with a
 * message that says what and where, and the active version stays active with intake working.
 */
class PolicyUploadRejectionOnPostgresIT {

    private static final PostgresDatabase database = PostgresDatabase.create();
    private static ConfigurableApplicationContext server;
    private static Api api;
    private static int active;

    @BeforeAll
    static void start() {
        EnginePersistence.configure();
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(
                Stream.of(database.springArgsWithDemoData()), Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1",
                        "--turnaround.policy.check-timeout=2s")).toArray(String[]::new));
        api = new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
        active = api.get("andy", "/api/policy").body().get("policyVersion").asInt();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void brokenDrlIsRejectedWithItsFileAndLine() {
        Api.Response upload = uploadFile("rules/routing.drl", "package io.turnaround.policy.rules\n\n"
                + "rule \"Half a rule\"\nwhen\n    $d : Decision(route == null\nthen\nend\n");

        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.body().at("/version/state").asText()).isEqualTo("REJECTED");
        assertThat(upload.body().get("problems")).anySatisfy(p -> {
            assertThat(p.get("file").asText()).isEqualTo("rules/routing.drl");
            assertThat(p.get("line").asInt()).isPositive();
        });
        assertActiveUnchanged();
    }

    @Test
    void brokenBpmnIsRejectedWithItsFile() {
        Api.Response upload = uploadFile("processes/support-ticket.bpmn",
                "<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"x\">\n");

        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.body().get("problems")).anySatisfy(p ->
                assertThat(p.get("file").asText()).isEqualTo("processes/support-ticket.bpmn"));
        assertActiveUnchanged();
    }

    @Test
    void aFailingScenarioRejectsTheVersionWithADiff() {
        Path folder = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(folder, "rules/tiers.drl", ".emergencyTurnaround(\"PT1H\").standardTurnaround(\"PT12H\")",
                ".emergencyTurnaround(\"PT1H\").standardTurnaround(\"PT8H\")");

        Api.Response upload = api.post("andy", "/api/policy/versions?description=Gold+in+8h", PolicyFolders.zip(folder),
                "application/zip");

        assertThat(upload.status()).isEqualTo(422);
        JsonNode failures = upload.body().at("/scenarios/failures");
        assertThat(failures).isNotEmpty();
        assertThat(failures).anySatisfy(f -> assertThat(f.get("differences")).anySatisfy(d -> {
            assertThat(d.get("field").asText()).isEqualTo("slaTarget");
            assertThat(d.get("expected").asText()).isEqualTo("PT12H");
            assertThat(d.get("actual").asText()).isEqualTo("PT8H");
        }));
        int rejected = upload.body().at("/version/number").asInt();
        Api.Response activation = api.post("admin", "/api/policy/versions/" + rejected + "/activation", "{}");
        assertThat(activation.status()).isEqualTo(409);
        assertThat(activation.body().get("detail").asText()).contains("rejected");
        assertActiveUnchanged();
    }

    @Test
    void aMailTemplateWithAnUnknownPlaceholderIsRejectedWithItsFileAndLine() {
        Multipart form = new Multipart().file("files", "acknowledgement.txt",
                "Subject: [{ticketKey}] Received\n\nDue by {slaDueAt}, {clientname}.\n");

        Api.Response upload = api.post("andy", "/api/policy/versions", form.bytes(), form.contentType());

        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.body().get("problems")).anySatisfy(p -> {
            assertThat(p.get("file").asText()).isEqualTo("rules/mail/acknowledgement.txt");
            assertThat(p.get("line").asInt()).isEqualTo(3);
            assertThat(p.get("message").asText()).startsWith("unknown placeholder {clientname};");
        });
        assertActiveUnchanged();
    }

    @Test
    void anUploadThatIsNoZipIsRefusedAndAudited() {
        Api.Response upload = api.post("andy", "/api/policy/versions", "rule \"x\" end".getBytes(StandardCharsets.UTF_8),
                "application/zip");

        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.body().get("detail").asText()).contains("not a zip");
        assertThat(api.get("andy", "/api/policy/audit?limit=20").body()).anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("andy");
            assertThat(e.get("result").asText()).isEqualTo("REFUSED");
        });
        assertActiveUnchanged();
    }

    @Test
    void anOversizeUploadIsRefused() {
        byte[] large = new byte[2 * 1024 * 1024];

        Api.Response upload = api.post("andy", "/api/policy/versions", large, "application/zip");

        assertThat(upload.status()).isEqualTo(413);
        assertThat(upload.body().get("detail").asText()).contains("larger than");
        assertActiveUnchanged();
    }

    @Test
    void onlyAnAdminActivatesAndAnAgentCannotUpload() throws Exception {
        Multipart form = new Multipart().file("file", "tiers.drl", Files.readString(Path.of("rules/tiers.drl")));
        assertThat(api.post("alice", "/api/policy/versions", form.bytes(), form.contentType()).status()).isEqualTo(403);
        assertThat(api.post("andy", "/api/policy/versions/" + active + "/activation", "{}").status()).isEqualTo(403);
        assertThat(api.post("andy", "/api/policy/rollback", "{}").status()).isEqualTo(403);
    }

    @Test
    void codeThatWritesAFileIsRejectedBeforeAnyOfItRuns() throws Exception {
        Path marker = Files.createTempDirectory("sandbox").resolve("written");
        Api.Response upload = uploadFile("rules/attack.drl", "package io.turnaround.policy.rules\n"
                + "import io.turnaround.policy.facts.*\n\nrule \"Writes a file\"\n    ruleflow-group \"ticket-policy\"\n"
                + "when\n    Decision()\nthen\n    java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker
                + "\"), \"x\");\nend\n");

        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.body().at("/version/state").asText()).isEqualTo("REJECTED");
        assertThat(upload.body().get("problems")).anySatisfy(p -> {
            assertThat(p.get("file").asText()).isEqualTo("rules/attack.drl");
            assertThat(p.get("line").asInt()).isEqualTo(9);
            assertThat(p.get("message").asText()).contains("not allowed in policy code: ").contains("java.nio.file.Files");
        });
        assertThat(marker).doesNotExist();
        assertActiveUnchanged();
        assertIntakeWorks();
    }

    @Test
    void rulesThatNeverFinishAreStoppedAndTheVersionRejected() {
        Api.Response upload = uploadFile("rules/spin.drl", "package io.turnaround.policy.rules\n"
                + "import io.turnaround.policy.facts.*\n\nrule \"Spins\"\n    ruleflow-group \"ticket-policy\"\n"
                + "when\n    Decision()\nthen\n    long spin = 1; while (spin > 0) { spin |= 1; }\nend\n");

        assertThat(upload.status()).isEqualTo(422);
        assertThat(upload.body().at("/version/state").asText()).isEqualTo("REJECTED");
        assertThat(upload.body().get("detail").asText()).contains("did not finish within 2 s");
        assertActiveUnchanged();
        assertIntakeWorks();
    }

    @Test
    void anImpactPreviewOfRulesThatHangOnOneTicketIsStoppedNamingIt() {
        String hanging = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\","
                + "\"subject\":\"xyzzy in the export\",\"body\":\"one report\"}").body().get("key").asText();
        Api.Response upload = uploadFile("rules/spin-on-xyzzy.drl", "package io.turnaround.policy.rules\n"
                + "import io.turnaround.policy.facts.*\n\nrule \"Spins on one word\"\n    ruleflow-group \"ticket-policy\"\n"
                + "when\n    TicketFacts(mentionsAny(\"xyzzy\"))\nthen\n    long spin = 1; while (spin > 0) { spin |= 1; }\nend\n");
        assertThat(upload.status()).as("no scenario mentions the word: the checks pass").isEqualTo(201);
        int draft = upload.body().at("/version/number").asInt();

        Api.Response preview = api.post("andy", "/api/policy/versions/" + draft + "/impact?tickets=50", "");

        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.text()).contains("ticket " + hanging).contains("did not finish within 2 s");
        assertActiveUnchanged();
        assertIntakeWorks();
    }

    private static void assertIntakeWorks() {
        Api.Response ticket = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\","
                + "\"subject\":\"A payout failed\",\"body\":\"for one model\"}");
        assertThat(ticket.status()).isEqualTo(201);
        assertThat(ticket.body().get("policyVersion").asInt()).isEqualTo(active);
    }

    private static Api.Response uploadFile(String path, String content) {
        Multipart form = new Multipart().field("description", "a change that does not compile").file(path, "x", content);
        return api.post("andy", "/api/policy/versions", form.bytes(), form.contentType());
    }

    private static void assertActiveUnchanged() {
        assertThat(api.get("andy", "/api/policy").body().get("policyVersion").asInt()).isEqualTo(active);
        JsonNode decided = api.post("alice", "/api/policy/decisions", "{\"tier\":\"GOLD\",\"hosting\":\"PARTNER\","
                + "\"subject\":\"Question about invoices\"}").body();
        assertThat(decided.get("policyVersion").asInt()).isEqualTo(active);
    }
}
