package io.turnaround.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code POST /api/tickets} refuses and remembers, on the embedded database with its demo accounts: a receivedAt
 * outside the window, a category from an INTAKE account, and Idempotency-Keys (replayed, conflicting, per caller).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:intake-limits;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class IntakeLimitsIT extends ServerTestBase {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReceivedAtFarAheadOrLongPastIsA400NamingItAndStoresNothing() {
        int before = tickets();
        for (String receivedAt : new String[] {"2099-01-01T00:00:00Z", Instant.now().minus(Duration.ofDays(30)).toString(),
                Instant.now().plus(Duration.ofMinutes(10)).toString()}) {
            Api.Response refused = api.post("intake", "/api/tickets", goldcrest("Login fails", receivedAt));

            assertThat(refused.status()).as(receivedAt).isEqualTo(400);
            assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("receivedAt");
            assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("outside the accepted window");
        }
        assertThat(tickets()).isEqualTo(before);

        String sixDaysAgo = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS).toString();
        Api.Response inside = api.post("intake", "/api/tickets", goldcrest("Login fails", sixDaysAgo));
        assertThat(inside.status()).as(inside.text()).isEqualTo(201);
        assertThat(Instant.parse(inside.body().get("receivedAt").asText())).isEqualTo(Instant.parse(sixDaysAgo));
        assertThat(api.post("intake", "/api/tickets", goldcrest("Login fails", Instant.now().plusSeconds(60).toString()))
                .status()).as("a clock a minute ahead").isEqualTo(201);
    }

    @Test
    void anIntakeAccountMayNotChooseTheCategoryAndStaffMay() {
        String emergency = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"A question\",\"body\":\"when?\","
                + "\"category\":\"EMERGENCY\"}";
        int before = tickets();

        Api.Response refused = api.post("intake", "/api/tickets", emergency);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("category");
        assertThat(tickets()).isEqualTo(before);
        Api.Response byStaff = api.post("alice", "/api/tickets", emergency);
        assertThat(byStaff.status()).isEqualTo(201);
        assertThat(byStaff.body().get("category").asText()).isEqualTo("EMERGENCY");
        assertThat(api.post("intake", "/api/tickets", goldcrest("A question", null)).body().get("category").asText())
                .as("the policy classifies it").isEqualTo("NON_EMERGENCY");
    }

    @Test
    void theSameKeyAndRequestAnswerTheSameTicketAndAnotherRequestIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = goldcrest("Export fails", null);
        int before = tickets();

        HttpResponse<String> first = post("intake", key, request);
        HttpResponse<String> again = post("intake", key, request.replace(",", " , "));
        HttpResponse<String> other = post("intake", key, goldcrest("Import fails", null));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(again.body()).get("key")).isEqualTo(JSON.readTree(first.body()).get("key"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("detail").asText()).contains(key)
                .contains(JSON.readTree(first.body()).get("key").asText());
        assertThat(tickets()).isEqualTo(before + 1);
    }

    @Test
    void keysBelongToTheirCallerAndABadKeyIsA400NamingIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = goldcrest("Reports are empty", null);

        JsonNode byIntake = JSON.readTree(post("intake", key, request).body());
        HttpResponse<String> byAlice = post("alice", key, request);

        assertThat(byAlice.statusCode()).as("another caller's key is theirs alone").isEqualTo(201);
        assertThat(JSON.readTree(byAlice.body()).get("key")).isNotEqualTo(byIntake.get("key"));
        int before = tickets();
        for (String bad : new String[] {"k".repeat(256), "with space"}) {
            HttpResponse<String> refused = post("intake", bad, request);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void aRetryIsAnsweredEvenWhenItsReceivedAtHasMeanwhileLeftTheWindow() throws Exception {
        String key = UUID.randomUUID().toString();
        JsonNode first = JSON.readTree(post("intake", key, goldcrest("Payout failed", null)).body());
        // As if the first request had come days ago with a receivedAt then inside the window, now outside it.
        String aged = goldcrest("Payout failed", Instant.now().minus(Duration.ofDays(8)).toString());
        jdbc.update("update intake_idempotency_key set request_hash = ? where idempotency_key = ?",
                RequestFingerprint.of(JSON.readValue(aged, NewTicket.class)), key);

        HttpResponse<String> retried = post("intake", key, aged);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(JSON.readTree(retried.body()).get("key")).isEqualTo(first.get("key"));
        assertThat(api.post("intake", "/api/tickets", aged).status()).as("without the key it is refused").isEqualTo(400);
    }

    private HttpResponse<String> post(String user, String key, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
                .header("Authorization", Api.basic(user)).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String goldcrest(String subject, String receivedAt) {
        return "{\"from\":\"ops@goldcrest.example\",\"subject\":\"" + subject + "\",\"body\":\"since today\""
                + (receivedAt == null ? "" : ",\"receivedAt\":\"" + receivedAt + "\"") + "}";
    }

    private int tickets() {
        return jdbc.queryForObject("select count(*) from ticket", Integer.class);
    }
}
