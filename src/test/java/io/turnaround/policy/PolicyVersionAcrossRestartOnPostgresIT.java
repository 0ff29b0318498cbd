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
 * A server restarted on an edited policy folder takes it as a new version for new tickets, and still deploys the
 * old version for the processes that run on it: here a ticket waiting on its customer, the only one on that version.
 */
class PolicyVersionAcrossRestartOnPostgresIT {

    private final PostgresDatabase database = PostgresDatabase.create();

    @Test
    void aWaitingTicketKeepsItsPolicyVersionWhenTheServerRestartsOnANewOne() {
        String waiting;
        int before;
        try (ConfigurableApplicationContext server = start(Path.of("."))) {
            StaffFixtures.addStaff(server, "ivy", "INTAKE");
            StaffFixtures.addStaff(server, "alice", "AGENT", "support-desk");
            StaffFixtures.addClient(server, "Goldcrest Live", "GOLD", "PARTNER", "ops@goldcrest.example");
            Api api = api(server);
            waiting = api.post("ivy", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user cannot"
                    + " log in\",\"body\":\"Since today\"}").body().get("key").asText();
            assertThat(api.post("alice", "/api/tickets/" + waiting + "/waiting", "{\"on\":\"CUSTOMER\"}").status())
                    .isEqualTo(200);
            before = api.get("alice", "/api/tickets/" + waiting).body().get("policyVersion").asInt();
        }
        Path edited = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(edited, "rules/tiers.drl", ".emergencyTurnaround(\"PT1H\").standardTurnaround(\"PT12H\")",
                ".emergencyTurnaround(\"PT1H\").standardTurnaround(\"PT8H\")");

        try (ConfigurableApplicationContext server = start(edited)) {
            Api api = api(server);
            JsonNode fresh = api.post("ivy", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user"
                    + " cannot log in\",\"body\":\"Again\"}").body();
            assertThat(fresh.get("policyVersion").asInt()).isEqualTo(before + 1);
            assertThat(fresh.get("slaTarget").asText()).isEqualTo("PT8H");

            // Resuming talks to the waiting ticket's process, which needs its own version deployed.
            Api.Response resumed = api.request("DELETE", Api.basic("alice"), "/api/tickets/" + waiting + "/waiting", null);
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(resumed.body().get("policyVersion").asInt()).isEqualTo(before);
            assertThat(resumed.body().get("slaTarget").asText()).isEqualTo("PT12H");
            assertThat(resumed.body().get("status").asText()).isEqualTo("OPEN");
        }
    }

    private ConfigurableApplicationContext start(Path policyFolder) {
        EnginePersistence.configure();
        return new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(
                Stream.of(database.springArgs()), Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1",
                        "--turnaround.policy.directory=" + policyFolder)).toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext server) {
        return new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
    }
}
