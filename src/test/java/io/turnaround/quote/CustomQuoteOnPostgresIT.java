package io.turnaround.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.billing.NewTimeEntry;
import io.turnaround.billing.TimeLog;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffFixtures;
import io.turnaround.support.StaffPages;
import io.turnaround.ticket.TicketKey;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A custom-work quote on PostgreSQL with the real engine, through the REST API and the client's link: priced by the
 * shipped policy from the hours already logged this month, mailed through the outbox, accepted or declined without
 * signing in; changed and expired links are refused.
 */
class CustomQuoteOnPostgresIT {

    private static final String PUBLIC_URL = "https://support.example.test";
    private static final PostgresDatabase database = PostgresDatabase.create();
    private static ConfigurableApplicationContext server;
    private static Api api;
    private static int port;

    @BeforeAll
    static void startServer() {
        EnginePersistence.configure();
        String[] args = Arrays.copyOf(database.springArgs(), database.springArgs().length + 3);
        args[args.length - 3] = "--server.port=0";
        args[args.length - 2] = "--jbpm.quartz.start-delay=1";
        args[args.length - 1] = "--turnaround.quotes.public-base-url=" + PUBLIC_URL + "/";
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(args);
        port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
        api = new Api(port);
        StaffFixtures.addStaff(server, "ivy", "INTAKE");
        StaffFixtures.addStaff(server, "sam", "AGENT", "sales");
        StaffFixtures.addStaff(server, "dave", "AGENT", "dev-team");
        StaffFixtures.addClient(server, "Platina Streams", "PLATINUM", "PARTNER", "cto@platina.example");
        long client = jdbc().queryForObject("select id from client where name = 'Platina Streams'", Long.class);
        // 50 hours of the 80 Platinum includes each month are already used.
        Instant workedAt = Instant.now().minus(Duration.ofMinutes(1));
        TimeLog log = server.getBean(TimeLog.class);
        for (var entry : List.of(Map.entry(WorkKind.CUSTOM_WORK, 24), Map.entry(WorkKind.DEVELOPMENT, 24),
                Map.entry(WorkKind.CUSTOM_WORK, 2))) {
            log.add(new NewTimeEntry(client, null, null, null, entry.getKey(), Duration.ofHours(entry.getValue()),
                    workedAt, "earlier work"), "dave", workedAt);
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHundredHoursForPlatinumUseTheThirtyIncludedHoursLeftAndAcceptingGivesTheDevTeamItsTask() {
        String key = customWorkTicket();
        long taskId = estimateTask(key);
        assertThat(api.post("sam", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        assertThat(api.get("sam", "/api/tickets/" + key).body().get("slaOutcome").asText()).isEqualTo("MET");
        Api.Response plainComplete = api.post("sam", "/api/tasks/" + taskId + "/complete", null);
        assertThat(plainComplete.status()).isEqualTo(409);
        assertThat(plainComplete.body().get("detail").asText()).contains("estimate");

        Api.Response estimated = api.post("sam", "/api/tasks/" + taskId + "/estimate",
                "{\"hours\": 100, \"description\": \"A payout report per model, exported monthly\"}");

        assertThat(estimated.status()).as(estimated.text()).isEqualTo(201);
        JsonNode quote = estimated.body();
        assertThat(quote.get("state").asText()).isEqualTo("SENT");
        assertThat(quote.get("hours").decimalValue()).isEqualByComparingTo("100");
        assertThat(quote.get("includedHours").decimalValue()).isEqualByComparingTo("30");
        assertThat(quote.get("billableHours").decimalValue()).isEqualByComparingTo("70");
        assertThat(quote.get("hourlyRate").decimalValue()).isEqualByComparingTo("80");
        assertThat(quote.get("amount").decimalValue()).isEqualByComparingTo("5600.00");
        JsonNode ticket = api.get("sam", "/api/tickets/" + key).body();
        assertThat(ticket.get("quotes")).hasSize(1);
        assertThat(ticket.get("quotes").get(0).get("amount").decimalValue()).isEqualByComparingTo("5600.00");
        assertThat(events(ticket)).contains("QUOTE_SENT");
        assertThat(ticket.get("status").asText()).as("the quote is out: the work goes on").isEqualTo("ASSIGNED");

        Map<String, Object> mail = jdbc().queryForMap("select recipient, subject, body, status from outbound_mail"
                + " where kind = 'QUOTE' and ticket_id = ?", TicketKey.idOf(key));
        assertThat(mail.get("recipient")).isEqualTo("cto@platina.example");
        assertThat((String) mail.get("subject")).contains("[" + key + "]").contains("$5,600.00");
        String body = (String) mail.get("body");
        assertThat(body).contains("30 hours", "70 hours at $80.00", "$5,600.00", PUBLIC_URL + "/quotes/");
        String token = tokenIn(body);

        Client client = new Client();
        HttpResponse<String> page = client.get(token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("$5,600.00", "Accept the quote");
        assertThat(state(quote.get("id").asLong())).as("opening the link changes nothing").isEqualTo("SENT");

        String tampered = token.substring(0, token.indexOf('.')) + "9" + token.substring(token.indexOf('.'));
        assertThat(client.get(tampered).statusCode()).isEqualTo(404);
        assertThat(client.get(tampered).body()).contains("not valid");
        assertThat(client.post(tampered, "accept", client.csrf(page.body())).statusCode()).isEqualTo(404);
        assertThat(client.post(token, "accept", "not-the-token").statusCode()).isEqualTo(403);
        assertThat(state(quote.get("id").asLong())).isEqualTo("SENT");

        HttpResponse<String> accepted = client.post(token, "accept", client.csrf(page.body()));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(client.get(token).body()).contains("You accepted this quote");
        assertThat(client.post(token, "decline", client.csrf(page.body())).statusCode()).isEqualTo(302);
        assertThat(state(quote.get("id").asLong())).isEqualTo("ACCEPTED");

        List<JsonNode> devTasks = tasksOf(key, "dave", "dev-team");
        assertThat(devTasks).singleElement().satisfies(t ->
                assertThat(t.get("name").asText()).isEqualTo("Develop the quoted custom work"));
        assertThat(events(api.get("sam", "/api/tickets/" + key).body())).contains("QUOTE_ACCEPTED");
        assertThat(api.get("sam", "/api/tickets/" + key).body().get("status").asText()).isEqualTo("ASSIGNED");

        long devTask = devTasks.get(0).get("id").asLong();
        assertThat(api.post("dave", "/api/tasks/" + devTask + "/claim", null).status()).isEqualTo(200);
        assertThat(api.post("dave", "/api/tasks/" + devTask + "/complete", null).status()).isEqualTo(200);
        assertThat(api.get("sam", "/api/tickets/" + key).body().get("status").asText())
                .as("the accepted work is done").isEqualTo("RESOLVED");
    }

    @Test
    void salesQuotesOnTheTicketPageAndADeclinedQuoteEndsTheWorkWhileAnExpiredLinkIsRefused() {
        String key = customWorkTicket();
        long taskId = estimateTask(key);
        api.post("sam", "/api/tasks/" + taskId + "/claim", null);
        StaffPages sam = StaffPages.signIn(port, "sam");
        assertThat(sam.get("/tickets/" + key)).contains("Quotes", "Price and send the quote");

        HttpResponse<String> sent = sam.post("/tickets/" + key + "/quotes/estimate", "taskId=" + taskId
                + "&hours=12.5&description=A+new+dashboard+tile");

        assertThat(sent.statusCode()).isEqualTo(302);
        String page = sam.get("/tickets/" + key);
        assertThat(page).contains("A new dashboard tile", "12.50 h", "$0.00", "SENT").doesNotContain("Price and send");
        JsonNode quote = api.get("sam", "/api/tickets/" + key + "/quotes").body().get(0);
        long quoteId = quote.get("id").asLong();
        Client client = new Client();

        String expired = server.getBean(QuoteLinks.class).token(quoteId, Instant.now().minusSeconds(60));
        HttpResponse<String> late = client.get(expired);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("expired").doesNotContain("Accept the quote");
        client.post(expired, "decline", client.csrf(client.get(tokenOfQuote(key)).body()));
        assertThat(state(quoteId)).isEqualTo("SENT");

        String token = tokenOfQuote(key);
        HttpResponse<String> declined = client.post(token, "decline", client.csrf(client.get(token).body()));

        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(client.get(token).body()).contains("You declined this quote");
        assertThat(state(quoteId)).isEqualTo("DECLINED");
        JsonNode ticket = api.get("sam", "/api/tickets/" + key).body();
        assertThat(events(ticket)).contains("QUOTE_DECLINED");
        assertThat(ticket.get("quotes").get(0).get("state").asText()).isEqualTo("DECLINED");
        assertThat(ticket.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(tasksOf(key, "dave", "dev-team")).isEmpty();
    }

    @Test
    void aQuoteThatExpiredRefusesItsLink() {
        String key = customWorkTicket();
        long quoteId = quoteThreeHours(key);
        Client client = new Client();
        String token = tokenOfQuote(key);
        String csrf = client.csrf(client.get(token).body());

        // What the process's expiry timer asks for when it fires (the timer itself is tested in CustomQuoteProcessTest).
        server.getBean(QuoteDesk.class).expire(quoteId, Instant.now());

        assertThat(client.get(token).body()).contains("This quote expired").doesNotContain("Accept the quote");
        assertThat(client.post(token, "accept", csrf).statusCode()).isEqualTo(302);
        assertThat(state(quoteId)).isEqualTo("EXPIRED");
        assertThat(events(api.get("sam", "/api/tickets/" + key).body())).contains("QUOTE_EXPIRED");
        assertThat(api.get("sam", "/api/tickets/" + key + "/quotes").body().get(0).get("state").asText())
                .isEqualTo("EXPIRED");
    }

    @Test
    void correctingTheCategoryOfAQuotedTicketWithdrawsItsQuoteAndItsLink() {
        String key = customWorkTicket();
        long quoteId = quoteThreeHours(key);
        Client client = new Client();
        String token = tokenOfQuote(key);
        String csrf = client.csrf(client.get(token).body());

        Api.Response corrected = api.post("sam", "/api/tickets/" + key + "/category", "{\"category\":\"NON_EMERGENCY\"}");

        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        assertThat(corrected.body().get("route").asText()).isEqualTo("SUPPORT_DESK");
        assertThat(state(quoteId)).isEqualTo("WITHDRAWN");
        assertThat(events(api.get("sam", "/api/tickets/" + key).body()))
                .containsSubsequence("QUOTE_SENT", "CATEGORY_CORRECTED", "QUOTE_WITHDRAWN");
        assertThat(client.get(token).body()).contains("We withdrew this quote").doesNotContain("Accept the quote");
        assertThat(client.post(token, "accept", csrf).statusCode()).isEqualTo(302);
        assertThat(state(quoteId)).as("a withdrawn quote cannot be accepted").isEqualTo("WITHDRAWN");
        assertThat(tasksOf(key, "dave", "dev-team")).isEmpty();
    }

    private static String customWorkTicket() {
        Api.Response created = api.post("ivy", "/api/tickets", "{\"from\":\"cto@platina.example\","
                + "\"subject\":\"Please quote a custom feature\",\"body\":\"A payout report per model\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("route").asText()).isEqualTo("CUSTOM_QUOTE");
        return created.body().get("key").asText();
    }

    /** Sales claims the ticket's estimate and quotes 3 hours; the quote's id. */
    private static long quoteThreeHours(String key) {
        long taskId = estimateTask(key);
        api.post("sam", "/api/tasks/" + taskId + "/claim", null);
        return api.post("sam", "/api/tasks/" + taskId + "/estimate",
                "{\"hours\": 3, \"description\": \"A custom login page\"}").body().get("id").asLong();
    }

    private static long estimateTask(String key) {
        List<JsonNode> tasks = tasksOf(key, "sam", "sales");
        assertThat(tasks).singleElement().satisfies(t ->
                assertThat(t.get("name").asText()).isEqualTo("Estimate the custom work"));
        return tasks.get(0).get("id").asLong();
    }

    private static List<JsonNode> tasksOf(String key, String user, String group) {
        List<JsonNode> found = new ArrayList<>();
        api.get(user, "/api/tasks?group=" + group).body().forEach(t -> {
            if (key.equals(t.get("ticketKey").asText())) {
                found.add(t);
            }
        });
        return found;
    }

    private static List<String> events(JsonNode ticket) {
        List<String> events = new ArrayList<>();
        ticket.get("history").forEach(h -> events.add(h.get("event").asText()));
        return events;
    }

    private static String tokenOfQuote(String key) {
        return tokenIn(jdbc().queryForObject("select body from outbound_mail where kind = 'QUOTE' and ticket_id = ?"
                + " and idempotency_key like 'quote-%' and idempotency_key not like 'quote-reminder-%'", String.class,
                TicketKey.idOf(key)));
    }

    private static String tokenIn(String body) {
        Matcher m = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/quotes/([A-Za-z0-9._-]+)").matcher(body);
        assertThat(m.find()).as("a quote link in %s", body).isTrue();
        return m.group(1);
    }

    private static String state(long quoteId) {
        return jdbc().queryForObject("select state from quote where id = ?", String.class, quoteId);
    }

    private static JdbcTemplate jdbc() {
        return server.getBean(JdbcTemplate.class);
    }

    /** The client's browser: no account, a session cookie, and the CSRF token of the page it was shown. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String token) {
            return send(HttpRequest.newBuilder(uri(token)).GET().build());
        }

        HttpResponse<String> post(String token, String answer, String csrf) {
            String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/quotes/" + token + "/" + answer))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        String csrf(String page) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).as("a CSRF token in the page").isTrue();
            return m.group(1);
        }

        private static URI uri(String token) {
            return URI.create("http://localhost:" + port + "/quotes/" + token);
        }

        private HttpResponse<String> send(HttpRequest request) {
            return StaffPages.send(http, request);
        }
    }
}
