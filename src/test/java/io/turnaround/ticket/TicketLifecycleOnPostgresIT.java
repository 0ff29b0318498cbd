package io.turnaround.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffFixtures;
import io.turnaround.support.Waits;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole ticket life on PostgreSQL with the real engine, Quartz JDBC timers and the REST API:
 * intake, the right queue, claim, SLA met; the SLA timer escalating; and a timer that fires after a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketLifecycleOnPostgresIT {

    private static final PostgresDatabase database = PostgresDatabase.create();
    private static ConfigurableApplicationContext server;
    private static Api api;

    @BeforeAll
    static void startServer() {
        server = start();
        StaffFixtures.addStaff(server, "ivy", "INTAKE");
        StaffFixtures.addStaff(server, "alice", "AGENT", "support-desk");
        StaffFixtures.addStaff(server, "hana", "AGENT", "hosting-liaison");
        StaffFixtures.addStaff(server, "maria", "MANAGER", "support-managers");
        StaffFixtures.addClient(server, "Goldcrest Live", "GOLD", "PARTNER", "ops@goldcrest.example");
        StaffFixtures.addClient(server, "Platina Streams", "PLATINUM", "PARTNER", "cto@platina.example");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        EnginePersistence.configure();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TurnaroundApplication.class)
                .run(concat(database.springArgs(), "--server.port=0", "--jbpm.quartz.start-delay=1"));
        api = new Api(((ServletWebServerApplicationContext) context).getWebServer().getPort());
        return context;
    }

    @Test
    @Order(1)
    void ticketReachesItsQueueAndClaimingItMeetsTheSla() {
        Api.Response created = api.post("ivy", "/api/tickets",
                "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user cannot log in\",\"body\":\"Since today\"}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().get("key").asText();
        assertThat(created.body().get("route").asText()).isEqualTo("SUPPORT_DESK");
        assertThat(created.body().get("slaTarget").asText()).isEqualTo("PT12H");

        JsonNode task = api.get("alice", "/api/tasks?group=support-desk").body().get(0);
        assertThat(task.get("ticketKey").asText()).isEqualTo(key);
        assertThat(api.get("hana", "/api/tasks").body()).isEmpty();
        assertThat(api.post("hana", "/api/tasks/" + task.get("id").asLong() + "/claim", null).status()).isEqualTo(403);

        Api.Response claimed = api.post("alice", "/api/tasks/" + task.get("id").asLong() + "/claim", null);
        assertThat(claimed.status()).isEqualTo(200);
        JsonNode ticket = api.get("alice", "/api/tickets/" + key).body();
        assertThat(ticket.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(ticket.get("slaOutcome").asText()).isEqualTo("MET");
        assertThat(ticket.get("assignee").asText()).isEqualTo("alice");

        assertThat(api.post("alice", "/api/tasks/" + task.get("id").asLong() + "/complete", null).status()).isEqualTo(200);
        assertThat(api.get("alice", "/api/tickets/" + key).body().get("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    @Order(2)
    void unassignedTicketEscalatesToManagersWhenItsTimerFires() {
        String key = platinumEmergencyDueIn(Duration.ofSeconds(3));

        JsonNode escalation = Waits.waitFor(() -> escalationOf(key), Duration.ofSeconds(40));
        assertThat(escalation.get("name").asText()).isEqualTo("Resolve SLA breach");
        assertThat(escalation.get("candidateGroup").asText()).isEqualTo("support-managers");
        assertThat(api.get("maria", "/api/tickets/" + key).body().get("slaOutcome").asText()).isEqualTo("BREACHED");
    }

    @Test
    @Order(3)
    void timerDueWhileTheServerIsDownFiresAfterRestart() {
        String key = platinumEmergencyDueIn(Duration.ofSeconds(6));
        server.close();
        Waits.sleep(Duration.ofSeconds(8));

        server = start();

        JsonNode escalation = Waits.waitFor(() -> escalationOf(key), Duration.ofSeconds(60));
        assertThat(escalation.get("candidateGroup").asText()).isEqualTo("support-managers");
        Integer escalations = server.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from ticket_history h join ticket t on t.id = h.ticket_id"
                        + " where h.event = 'SLA_BREACHED' and t.id = ?", Integer.class, TicketKey.idOf(key));
        assertThat(escalations).isEqualTo(1);
    }

    private static String platinumEmergencyDueIn(Duration untilDue) {
        Instant receivedAt = Instant.now().minus(Duration.ofMinutes(30)).plus(untilDue);
        Api.Response created = api.post("ivy", "/api/tickets", "{\"from\":\"cto@platina.example\","
                + "\"subject\":\"Site is down\",\"body\":\"everyone\",\"receivedAt\":\"" + receivedAt + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    private static JsonNode escalationOf(String key) {
        for (JsonNode task : api.get("maria", "/api/tasks?group=support-managers").body()) {
            if (key.equals(task.get("ticketKey").asText())) {
                return task;
            }
        }
        return null;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
