package io.turnaround.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.turnaround.support.Api;
import io.turnaround.support.Browser;
import io.turnaround.support.DemoServer;
import io.turnaround.support.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagrams on PostgreSQL with the real engine: each ticket's process recorded node by node as it moves, the live
 * counts at each step (open, breached, the median stay) and the tickets behind them, and both diagrams in Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessDiagramOnPostgresIT {

    private static final String PROCESS = "/api/processes/support-ticket";

    private static ConfigurableApplicationContext server;
    private static Api api;
    private static Browser browser;

    @BeforeAll
    static void start() {
        // The median stays taken at every request, so that a stay that just ended counts at once.
        server = DemoServer.startOnPostgres("--turnaround.diagram.stays-refreshed-after=0");
        api = new Api(DemoServer.port(server));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void aTicketsPathIsRecordedAsItsProcessMovesAndItsStaysCount() {
        int waitingBefore = traffic("handleRequest").path("open").asInt();
        String key = ticket("ops@goldcrest.example", "One user cannot log in", Instant.now());

        JsonNode path = api.get("alice", "/api/tickets/" + key + "/path").body();
        assertThat(path.get("processId").asText()).isEqualTo("support-ticket");
        assertThat(nodes(path, stay -> true)).startsWith("ticketReceived", "decidePolicy", "planLadder", "splitWork")
                .contains("handleTicket", "routeGateway", "handleRequest", "nextRungDue");
        assertThat(nodes(path, stay -> stay.get("leftAt").isNull()))
                .containsExactlyInAnyOrder("handleTicket", "handleRequest", "nextRungDue", "clockChanged",
                        "handledWhileRunning");
        JsonNode timer = stay(path, "nextRungDue");
        assertThat(Instant.parse(timer.get("timerDueAt").asText())).isAfter(Instant.now());
        assertThat(traffic("handleRequest").get("open").asInt()).isEqualTo(waitingBefore + 1);
        assertThat(api.get("maria", PROCESS + "/nodes/handleRequest/tickets").body().findValuesAsText("key"))
                .contains(key);

        long task = taskOf(key, "support-desk");
        assertThat(api.post("alice", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        assertThat(api.post("alice", "/api/tasks/" + task + "/complete", null).status()).isEqualTo(200);

        JsonNode done = api.get("alice", "/api/tickets/" + key + "/path").body();
        assertThat(nodes(done, stay -> stay.get("leftAt").isNull())).as("the process ended").isEmpty();
        assertThat(nodes(done, stay -> true)).contains("workDone", "announceHandled", "ticketHandled", "ladderEnded");
        JsonNode handled = traffic("handleRequest");
        assertThat(handled.get("open").asInt()).isEqualTo(waitingBefore);
        assertThat(handled.get("staysEnded").asInt()).isPositive();
        assertThat(Duration.parse(handled.get("medianStay").asText())).isPositive();
    }

    @Test
    void breachedTicketsAreCountedAtTheStepWhereTheyWaitAndTheRungsThatFiredAreOnTheirPath() {
        // A Platinum emergency received 2 hours ago is past its 30-minute turnaround when it arrives.
        String key = ticket("cto@platina.example", "Site is down", Instant.now().minus(Duration.ofHours(2)));
        Waits.waitUntil(() -> api.get("maria", "/api/tickets/" + key + "/path").body().get("rungsFired")
                .findValuesAsText("action").contains("BREACH"), Duration.ofSeconds(40), "the ladder's overdue rungs to fire");

        JsonNode pickup = traffic("confirmPartnerPickup");
        assertThat(pickup.get("breached").asInt()).isPositive().isLessThanOrEqualTo(pickup.get("open").asInt());
        JsonNode listed = find(api.get("maria", PROCESS + "/nodes/confirmPartnerPickup/tickets").body(), key);
        assertThat(listed.get("breached").asBoolean()).isTrue();
        assertThat(listed.get("subject").asText()).isEqualTo("Site is down");
        JsonNode path = api.get("maria", "/api/tickets/" + key + "/path").body();
        assertThat(path.get("stays").findValuesAsText("nodeId")).contains("climbRung");
    }

    @Test
    void aReDecidedTicketLeavesItsEarlierProcessAndDrawsTheNewOne() {
        String key = ticket("ops@goldcrest.example", "One user cannot log in", Instant.now());
        long before = api.get("alice", "/api/tickets/" + key + "/path").body().get("processInstanceId").asLong();
        Api.Response corrected = api.post("maria", "/api/tickets/" + key + "/category", "{\"category\":\"EMERGENCY\"}");
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);

        JsonNode path = api.get("alice", "/api/tickets/" + key + "/path").body();
        assertThat(path.get("processInstanceId").asLong()).isNotEqualTo(before);
        assertThat(nodes(path, stay -> stay.get("leftAt").isNull())).contains("confirmPartnerPickup")
                .doesNotContain("handleRequest");
        for (JsonNode stay : path.get("stays")) {
            if (stay.get("processInstanceId").asLong() == before) {
                assertThat(stay.get("leftAt").isNull()).as("the ended process's " + stay.get("nodeId")).isFalse();
            }
        }
        assertThat(api.get("maria", PROCESS + "/nodes/handleRequest/tickets").body().findValuesAsText("key"))
                .doesNotContain(key);
    }

    @Test
    void aQuotedTicketsPathHasTheQuoteProcessItCalledWithTheSoonestOfItsTimers() {
        Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"cto@platina.example\","
                + "\"subject\":\"Please quote a custom feature\",\"body\":\"A payout report per model\"}");
        assertThat(created.body().get("route").asText()).isEqualTo("CUSTOM_QUOTE");
        String key = created.body().get("key").asText();
        long task = taskOf(key, "sales", "sam");
        assertThat(api.post("sam", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        Api.Response quoted = api.post("sam", "/api/tasks/" + task + "/estimate",
                "{\"hours\": 3, \"description\": \"A custom login page\"}");
        assertThat(quoted.status()).as(quoted.text()).isEqualTo(201);

        JsonNode path = api.get("sam", "/api/tickets/" + key + "/path").body();
        assertThat(nodes(path, stay -> stay.get("leftAt").isNull())).contains("quoteCustomWork");
        JsonNode waiting = stay(path, "awaitAnswer");
        assertThat(waiting.get("processId").asText()).isEqualTo("custom-quote");
        assertThat(waiting.get("leftAt").isNull()).isTrue();
        Instant due = Instant.parse(waiting.get("timerDueAt").asText());
        assertThat(due).as("the reminder, before the quote expires").isAfter(Instant.now())
                .isBefore(Instant.parse(quoted.body().get("expiresAt").asText()));
    }

    @Test
    void diagramsAreForStaffAndAnUnknownProcessIsNotFound() {
        assertThat(api.get("intake", PROCESS + "/traffic").status()).isEqualTo(403);
        assertThat(api.get("alice", PROCESS + "/traffic").status()).isEqualTo(200);
        assertThat(api.get("alice", "/api/processes/no-such-process/traffic").status()).isEqualTo(404);
        Api.Response bpmn = api.get("andy", PROCESS + "/bpmn");
        assertThat(bpmn.status()).isEqualTo(200);
        assertThat(bpmn.text()).contains("id=\"support-ticket\"");
        assertThat(api.get("andy", "/api/processes").body().findValuesAsText("processId"))
                .contains("support-ticket", "custom-quote");
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the screenshots show the other tests' tickets too
    void theLiveDiagramCountsEachStepAndListsItsTicketsAndATicketShowsItsOwnPath() {
        String key = ticket("ops@goldcrest.example", "One user cannot log in", Instant.now());
        browser = new Browser(DemoServer.port(server));
        browser.signIn("maria");
        browser.open("/processes");
        browser.clickAndWait(browser.driver().findElement(By.linkText("Support ticket")));
        if (!Waits.within(() -> !browser.driver().findElements(By.cssSelector(".traffic[data-node='handleRequest']")).isEmpty(),
                Duration.ofSeconds(20))) {
            browser.screenshot("process-live-diagram-failed");
            throw new AssertionError("no counts on the diagram: " + browser.driver().findElement(By.id("process-diagram")).getText()
                    + " " + browser.driver().manage().logs().get("browser").getAll());
        }
        String badge = browser.driver().findElement(By.cssSelector(".traffic[data-node='handleRequest'] .badge.open")).getText();
        assertThat(Integer.parseInt(badge)).isEqualTo(traffic("handleRequest").get("open").asInt());

        browser.driver().findElement(By.cssSelector(".djs-element[data-element-id='handleRequest']")).click();
        Waits.waitUntil(() -> browser.driver().findElement(By.id("node-tickets")).isDisplayed(), Duration.ofSeconds(10),
                "the step's tickets");
        assertThat(browser.driver().findElement(By.cssSelector("#node-tickets tbody")).getText()).contains(key);
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 300)");
        browser.screenshot("process-live-diagram");

        browser.open("/tickets/" + key);
        Waits.waitUntil(() -> !browser.driver().findElements(
                        By.cssSelector(".djs-element.current[data-element-id='handleRequest']")).isEmpty(),
                Duration.ofSeconds(20), "the ticket's current step");
        assertThat(browser.driver().findElements(By.cssSelector(".djs-element.visited[data-element-id='decidePolicy']")))
                .hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector(".djs-element.visited[data-element-id='toDecidePolicy']")))
                .as("the flow taken").hasSize(1);
        assertThat(browser.driver().findElement(By.cssSelector("#ticket-diagram .pending-timers")).getText())
                .contains("Next rung due (support-ticket): due");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('ticket-diagram').scrollIntoView()");
        browser.screenshot("ticket-diagram");
        assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
    }

    private static String ticket(String from, String subject, Instant receivedAt) {
        Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"" + from + "\",\"subject\":\"" + subject
                + "\",\"body\":\"As the subject says.\",\"receivedAt\":\"" + receivedAt + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    private static JsonNode traffic(String nodeId) {
        JsonNode traffic = api.get("maria", PROCESS + "/traffic").body();
        for (JsonNode node : traffic.get("nodes")) {
            if (nodeId.equals(node.get("nodeId").asText())) {
                return node;
            }
        }
        return MissingNode.getInstance();
    }

    private static List<String> nodes(JsonNode path, Predicate<JsonNode> which) {
        List<String> nodes = new ArrayList<>();
        path.get("stays").forEach(stay -> {
            if (stay.get("processInstanceId").asLong() == path.get("processInstanceId").asLong() && which.test(stay)) {
                nodes.add(stay.get("nodeId").asText());
            }
        });
        return nodes;
    }

    private static JsonNode stay(JsonNode path, String nodeId) {
        for (JsonNode stay : path.get("stays")) {
            if (nodeId.equals(stay.get("nodeId").asText())) {
                return stay;
            }
        }
        throw new AssertionError(nodeId + " is not on the path " + path);
    }

    private static JsonNode find(JsonNode tickets, String key) {
        for (JsonNode ticket : tickets) {
            if (key.equals(ticket.get("key").asText())) {
                return ticket;
            }
        }
        throw new AssertionError(key + " is not among " + tickets);
    }

    private static long taskOf(String key, String group) {
        return taskOf(key, group, "alice");
    }

    private static long taskOf(String key, String group, String user) {
        for (JsonNode task : api.get(user, "/api/tasks?group=" + group).body()) {
            if (key.equals(task.get("ticketKey").asText())) {
                return task.get("id").asLong();
            }
        }
        throw new AssertionError("no task of " + key + " for " + group);
    }
}
