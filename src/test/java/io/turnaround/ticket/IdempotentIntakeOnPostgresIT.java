package io.turnaround.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.Smtp;
import io.turnaround.support.StaffFixtures;
import io.turnaround.support.Waits;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Idempotency-Keys on PostgreSQL, where transactions and locks are real: a gateway that never got its answer and
 * sends again makes one ticket, one acknowledgement and one partner forward; requests with a key whose first is still
 * being taken in wait for it; keys past their retention are forgotten.
 */
class IdempotentIntakeOnPostgresIT {

    private static final PostgresDatabase database = PostgresDatabase.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server();

    private static ConfigurableApplicationContext server;
    private static JdbcTemplate jdbc;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        EnginePersistence.configure();
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(
                Stream.of(database.springArgs()), Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + Smtp.port(smtp),
                        "--turnaround.mail.outbox.poll-every=PT0.2S")).toArray(String[]::new));
        port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
        jdbc = server.getBean(JdbcTemplate.class);
        StaffFixtures.addStaff(server, "gateway", "INTAKE");
        StaffFixtures.addStaff(server, "alice", "AGENT", "support-desk");
        StaffFixtures.addClient(server, "Platina Streams", "PLATINUM", "PARTNER", "cto@platina.example");
        StaffFixtures.addClient(server, "Goldcrest Live", "GOLD", "PARTNER", "ops@goldcrest.example");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aGatewayRetryingAfterItsAnswerWasLostMakesOneTicketOneAcknowledgementAndOneForward() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = "{\"from\":\"cto@platina.example\",\"subject\":\"Site is down since the deploy\","
                + "\"body\":\"Every page answers 502\"}";

        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(port)) {
            assertThatThrownBy(() -> post(proxy.port(), key, request)).as("the gateway gets no answer")
                    .isInstanceOf(IOException.class);
        }
        HttpResponse<String> retried = post(port, key, request);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        JsonNode ticket = JSON.readTree(retried.body());
        assertThat(ticket.get("route").asText()).isEqualTo("HOSTING_PARTNER");
        String ticketKey = ticket.get("key").asText();
        assertThat(jdbc.queryForObject("select count(*) from ticket where subject = 'Site is down since the deploy'",
                Integer.class)).isEqualTo(1);
        assertThat(mailOf(ticketKey)).isEqualTo(Map.of("ACKNOWLEDGEMENT", 1L, "PARTNER_FORWARD", 1L));
        Smtp.awaitOne(smtp, "cto@platina.example", "Site is down since the deploy");
        Smtp.awaitOne(smtp, "tickets@hosting-partner.example", "Site is down since the deploy");
    }

    @Test
    void requestsWithAKeyWhoseFirstIsStillBeingTakenInWaitForItThenReplayOrConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Payouts fail\",\"body\":\"for every model\"}";
        String other = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Payouts fail\",\"body\":\"for one model\"}";

        List<HttpResponse<String>> answers;
        try (Connection holder = DriverManager.getConnection(database.url(), database.user(), "");
             Statement sql = holder.createStatement()) {
            // The first request stops at its acknowledgement, its key claimed, until this transaction ends.
            holder.setAutoCommit(false);
            sql.execute("lock table outbound_mail in exclusive mode");
            CompletableFuture<HttpResponse<String>> first = postAsync(key, request);
            awaitWaiting("insert into outbound_mail", 1);
            CompletableFuture<HttpResponse<String>> retry = postAsync(key, request);
            CompletableFuture<HttpResponse<String>> changed = postAsync(key, other);
            awaitWaiting("insert into intake_idempotency_key", 2);
            holder.commit();
            answers = List.of(first.get(), retry.get(), changed.get());
        }

        assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(201);
        assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isEqualTo(200);
        assertThat(answers.get(1).headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(answers.get(1).body()).get("key")).isEqualTo(JSON.readTree(answers.get(0).body()).get("key"));
        assertThat(answers.get(2).statusCode()).as(answers.get(2).body()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from ticket where subject = 'Payouts fail'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void keysPastTheirRetentionAreForgottenAndTheRestKept() throws Exception {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        assertThat(post(port, old, goldcrest("Old request")).statusCode()).isEqualTo(201);
        assertThat(post(port, recent, goldcrest("Recent request")).statusCode()).isEqualTo(201);
        jdbc.update("update intake_idempotency_key set created_at = created_at - interval '25 hours'"
                + " where idempotency_key = ?", old);

        HttpResponse<String> reused = post(port, old, goldcrest("Another request"));
        assertThat(reused.statusCode()).as("a key past its retention names a new request").isEqualTo(201);
        jdbc.update("update intake_idempotency_key set created_at = created_at - interval '25 hours'"
                + " where idempotency_key = ?", old);
        server.getBean(ExpiredIdempotencyKeys.class).deleteExpired();

        assertThat(jdbc.queryForList("select idempotency_key from intake_idempotency_key where idempotency_key in (?, ?)",
                String.class, old, recent)).containsExactly(recent);
        assertThat(post(port, recent, goldcrest("Recent request")).statusCode()).isEqualTo(200);
    }

    private static String goldcrest(String subject) {
        return "{\"from\":\"ops@goldcrest.example\",\"subject\":\"" + subject + "\",\"body\":\"please\"}";
    }

    private HttpResponse<String> post(int toPort, String key, String json) throws IOException, InterruptedException {
        return http.send(request(toPort, key, json), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String key, String json) {
        return http.sendAsync(request(port, key, json), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int toPort, String key, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + "/api/tickets"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", Api.basic("gateway"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Waits until this many sessions wait for a lock in a statement starting so. */
    private static void awaitWaiting(String statement, int sessions) {
        Waits.waitUntil(() -> jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and query like ?", Integer.class, statement + "%") == sessions,
                Duration.ofSeconds(30), sessions + " waiting in " + statement);
    }

    private static Map<String, Long> mailOf(String ticketKey) {
        return jdbc.queryForList("select kind, count(*) as n from outbound_mail where ticket_id = ? group by kind",
                TicketKey.idOf(ticketKey)).stream().collect(Collectors.toMap(row -> (String) row.get("kind"),
                row -> ((Number) row.get("n")).longValue()));
    }
}
