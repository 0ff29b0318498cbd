package io.turnaround.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PolicyFolders;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffFixtures;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restarts keep what admins deployed: a changed policy folder is not taken at start-up (unless asked for), a version
 * activated through the API stays active, and every version with running processes is deployed again: here a ticket
 * waiting on its customer, the only one on the first version.
 */
class PolicyVersionAcrossRestartOnPostgresIT {

    private static final String SHOP_DOWN = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Our shop is down\","
            + "\"body\":\"Since this morning\"}";

    private final PostgresDatabase database = PostgresDatabase.create();

    @Test
    void deployedVersionsAndTheirWaitingTicketsSurviveRestarts() throws Exception {
        String waiting;
        int shipped;
        try (ConfigurableApplicationContext server = start(Path.of("."))) {
            StaffFixtures.addStaff(server, "ivy", "INTAKE");
            StaffFixtures.addStaff(server, "alice", "AGENT", "support-desk");
            StaffFixtures.addStaff(server, "ada", "ADMIN");
            StaffFixtures.addClient(server, "Goldcrest Live", "GOLD", "PARTNER", "ops@goldcrest.example");
            Api api = api(server);
            waiting = api.post("ivy", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user cannot"
                    + " log in\",\"body\":\"Since today\"}").body().get("key").asText();
            assertThat(api.post("alice", "/api/tickets/" + waiting + "/waiting", "{\"on\":\"CUSTOMER\"}").status())
                    .isEqualTo(200);
            shipped = api.get("alice", "/api/tickets/" + waiting).body().get("policyVersion").asInt();
        }
        Path edited = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(edited, "rules/classification.drl", "\"site is down | ", "\"site is down | shop is down | ");

        int added;
        try (ConfigurableApplicationContext server = start(edited)) {
            Api api = api(server);
            assertThat(api.get("alice", "/api/policy").body().get("policyVersion").asInt())
                    .as("a changed folder is not deployed by a restart").isEqualTo(shipped);
            JsonNode upload = api.post("ada", "/api/policy/versions", PolicyFolders.zip(edited), "application/zip").body();
            added = upload.at("/version/number").asInt();
            assertThat(api.post("ada", "/api/policy/versions/" + added + "/activation", "{}").status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext server = start(Path.of("."))) {
            Api api = api(server);
            JsonNode fresh = api.post("ivy", "/api/tickets", SHOP_DOWN).body();
            assertThat(fresh.get("policyVersion").asInt()).as("the activated version stays active").isEqualTo(added);
            assertThat(fresh.get("category").asText()).isEqualTo("EMERGENCY");

            // Resuming talks to the waiting ticket's process, which needs its own version deployed.
            Api.Response resumed = api.request("DELETE", Api.basic("alice"), "/api/tickets/" + waiting + "/waiting", null);
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(resumed.body().get("policyVersion").asInt()).isEqualTo(shipped);
            assertThat(resumed.body().get("status").asText()).isEqualTo("OPEN");
        }

        try (ConfigurableApplicationContext server = start(Path.of("."), "--turnaround.policy.import-changed-folder=true")) {
            JsonNode fresh = api(server).post("ivy", "/api/tickets", SHOP_DOWN).body();
            assertThat(fresh.get("policyVersion").asInt()).as("asked to, a restart imports a changed folder")
                    .isEqualTo(added + 1);
            assertThat(fresh.get("category").asText()).isEqualTo("NON_EMERGENCY");
        }
    }

    private ConfigurableApplicationContext start(Path policyFolder, String... more) {
        EnginePersistence.configure();
        return new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.of(database.springArgs(),
                new String[] {"--server.port=0", "--jbpm.quartz.start-delay=1", "--turnaround.policy.directory=" + policyFolder},
                more).flatMap(Stream::of).toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext server) {
        return new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
    }
}
