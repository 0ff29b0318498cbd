package io.turnaround.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy version stays loaded while a process of it runs, is let go once none does, and comes back when it is
 * needed again (a rollback), on PostgreSQL with the real engine.
 */
class PolicyUnloadOnPostgresIT {

    private static final PostgresDatabase database = PostgresDatabase.create();
    private static ConfigurableApplicationContext server;
    private static Api api;

    @BeforeAll
    static void startServer() {
        EnginePersistence.configure();
        List<String> args = new ArrayList<>(Arrays.asList(database.springArgsWithDemoData()));
        args.addAll(List.of("--server.port=0", "--turnaround.policy.unload-unused-every=PT24H",
                "--turnaround.retention.cron=-"));
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(args.toArray(String[]::new));
        api = new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aVersionIsUnloadedOnceNoProcessOfItRunsAndLoadedAgainForARollback() {
        PolicyDeployments deployments = server.getBean(PolicyDeployments.class);
        PolicyDeployer engine = server.getBean(PolicyDeployer.class);
        int first = server.getBean(ActivePolicy.class).active().number();
        String ticket = newTicket(first);

        int second = deployments.uploadFiles(Map.of("rules/tiers.drl", (deployments.bundle(first).files()
                .get("rules/tiers.drl") + "\n// a comment\n").getBytes(StandardCharsets.UTF_8)), List.of(), "comment",
                "admin").version().number();
        deployments.activate(second, false, "admin");

        assertThat(engine.isDeployed(first)).as("its ticket's process still runs").isTrue();
        resolve(ticket);
        deployments.unloadUnused();
        assertThat(engine.isDeployed(first)).as("no process of it runs").isFalse();
        assertThat(engine.isDeployed(second)).as("the active one").isTrue();

        deployments.rollBack("admin");

        assertThat(engine.isDeployed(first)).isTrue();
        newTicket(first);
        deployments.unloadUnused();
        assertThat(engine.isDeployed(second)).as("retired, nothing of it runs").isFalse();
    }

    private static String newTicket(int expectedVersion) {
        Api.Response created = api.post("intake", "/api/tickets",
                "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user cannot log in\",\"body\":\"since today\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("policyVersion").asInt()).isEqualTo(expectedVersion);
        return created.body().get("key").asText();
    }

    private static void resolve(String key) {
        for (JsonNode task : api.get("alice", "/api/tasks?group=support-desk").body()) {
            if (key.equals(task.get("ticketKey").asText())) {
                long id = task.get("id").asLong();
                assertThat(api.post("alice", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(200);
                assertThat(api.post("alice", "/api/tasks/" + id + "/complete", null).status()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("no task of " + key);
    }
}
