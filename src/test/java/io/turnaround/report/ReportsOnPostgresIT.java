package io.turnaround.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.Browser;
import io.turnaround.support.DemoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog report on PostgreSQL with tickets the intake decided: the JSON, one table's CSV, and the page in Chromium
 * with its chart drawn from its table.
 */
class ReportsOnPostgresIT {

    private static ConfigurableApplicationContext server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = DemoServer.startOnPostgres();
        api = new Api(DemoServer.port(server));
        // A Gold request just in (12 h to go), one received 5 h ago, and a Platinum emergency 2 h past its 30 min.
        ticket("ops@goldcrest.example", "One user cannot log in", Instant.now());
        ticket("ops@goldcrest.example", "One user cannot log in", Instant.now().minus(Duration.ofHours(5)));
        ticket("cto@platina.example", "Site is down", Instant.now().minus(Duration.ofMinutes(150)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theBacklogCountsTheOpenTicketsByAgeTimeLeftAndGroup() {
        JsonNode backlog = api.get("maria", "/api/reports/backlog").body();

        assertThat(backlog.get("open").asInt()).isEqualTo(3);
        assertThat(count(backlog.get("byAge"), "< 1 h")).isEqualTo(1);
        assertThat(count(backlog.get("byAge"), "1–4 h")).isEqualTo(1);
        assertThat(count(backlog.get("byAge"), "4–24 h")).isEqualTo(1);
        assertThat(count(backlog.get("byTimeLeft"), "overdue")).isEqualTo(1);
        // The Gold requests' share left depends on the business hours they ran in; together they are the other two.
        assertThat(backlog.get("byTimeLeft").findValues("count").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(3);
        JsonNode groups = backlog.get("byGroup");
        assertThat(groups.findValuesAsText("group")).containsExactly("support-desk", "hosting-liaison");
        assertThat(groups.get(0).get("open").asInt()).isEqualTo(2);
        assertThat(groups.get(1).get("overdue").asInt()).isEqualTo(1);

        Api.Response csv = api.get("andy", "/api/reports/backlog.csv?by=group");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).isEqualTo("\"Group\",\"Open tickets\",\"Overdue\"\r\n\"support-desk\",\"2\",\"0\"\r\n"
                + "\"hosting-liaison\",\"1\",\"1\"\r\n");
        assertThat(api.get("andy", "/api/reports/backlog.csv?by=tier").status()).isEqualTo(400);
        assertThat(api.get("alice", "/api/reports/backlog").status()).as("agents do not see reports").isEqualTo(403);
    }

    @Test
    void thePageShowsEachTableWithItsCsv() {
        try (Browser browser = new Browser(DemoServer.port(server))) {
            browser.signIn("maria");
            browser.open("/reports");
            assertThat(browser.driver().findElement(By.cssSelector("#backlog-time-left tr.overdue")).getText())
                    .isEqualTo("overdue 1");
            assertThat(browser.driver().findElement(By.cssSelector("#backlog-group tbody")).getText())
                    .isEqualTo("support-desk 2 0\nhosting-liaison 1 1");
            Object charted = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return Chart.getChart(document.getElementById('backlog-age-chart')).data.datasets[0].data");
            assertThat(charted).as("the chart drawn from its table").isEqualTo(List.of(1L, 1L, 1L, 0L, 0L));
            assertThat(browser.driver().findElement(By.cssSelector("#backlog-age caption a")).getAttribute("href"))
                    .endsWith("/reports/backlog.csv?by=age");
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    private static void ticket(String from, String subject, Instant receivedAt) {
        Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"" + from + "\",\"subject\":\"" + subject
                + "\",\"body\":\"As the subject says.\",\"receivedAt\":\"" + receivedAt + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private static int count(JsonNode counts, String bucket) {
        for (JsonNode count : counts) {
            if (bucket.equals(count.get("bucket").asText())) {
                return count.get("count").asInt();
            }
        }
        throw new AssertionError("no bucket " + bucket + " in " + counts);
    }
}
