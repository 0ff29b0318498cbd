package io.turnaround.tasklist;

import io.turnaround.support.Api;
import io.turnaround.support.Browser;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The task list and ticket page in a real browser: sign in, see only your queues, claim, complete, be refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class TaskListBrowserIT {

    static {
        EnginePersistence.configure();
    }

    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser;
    }

    @Test
    void anOpenListShowsANewTaskWithoutReloadingAndKeepsItsFiltersAndTheRowsItHad() {
        Api api = new Api(port);
        String first = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\","
                + "\"subject\":\"Where is my invoice?\",\"body\":\"a question\"}").body().get("key").asText();
        Browser b = browser();
        b.signIn("alice");
        b.open("/tasks?group=support-desk&scope=ALL");
        WebDriverWait wait = new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(5));
        wait.until(d -> "yes".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        js.executeScript("arguments[0].dataset.marked = 'before the event'", row(b, first));

        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\","
                + "\"subject\":\"How do I export my videos?\",\"body\":\"a question\"}").body().get("key").asText();

        wait.until(d -> d.findElement(By.id("task-list")).getText().contains(key));
        assertThat(b.driver().getCurrentUrl()).endsWith("/tasks?group=support-desk&scope=ALL");
        assertThat(new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.name("group")))
                .getFirstSelectedOption().getText()).isEqualTo("support-desk");
        assertThat(row(b, first).getAttribute("data-marked")).as("the row it had is the same element, not sent again")
                .isEqualTo("before the event");
        assertThat(b.driver().findElements(By.cssSelector("#task-list tr[data-kept]"))).as("no placeholder left").isEmpty();
        assertThat(b.contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void aPossibleEmergencyShowsItsBadgeUntilSomeoneLooks() {
        Api api = new Api(port);
        String checkout = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\","
                + "\"subject\":\"Checkout is down\",\"body\":\"since noon\"}").body().get("key").asText();
        String search = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\","
                + "\"subject\":\"Search is down\",\"body\":\"nothing comes back\"}").body().get("key").asText();
        Browser b = browser();
        b.signIn("alice");
        b.open("/tasks?group=support-desk&scope=ALL");
        assertThat(row(b, checkout).findElement(By.cssSelector(".badge.possible-emergency")).getText())
                .isEqualTo("possible emergency");

        b.open("/tickets/" + checkout);
        b.clickAndWait(b.driver().findElement(By.id("is-an-emergency")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText()).startsWith("Now EMERGENCY");
        assertThat(b.driver().findElements(By.id("possible-emergency"))).as("re-decided: no longer marked").isEmpty();

        b.signIn("maria");
        b.open("/manager");
        assertThat(b.driver().findElement(By.id("possible-emergencies")).getText()).contains(search)
                .doesNotContain(checkout);
        b.open("/tickets/" + search);
        b.clickAndWait(b.driver().findElement(By.id("not-an-emergency")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Marked as no emergency: it stays NON_EMERGENCY.");
        assertThat(b.driver().findElement(By.tagName("main")).getText())
                .contains("A possible emergency; maria found it is not one.");
        b.open("/manager");
        assertThat(b.driver().findElement(By.id("possible-emergencies")).getText()).doesNotContain(search);
        assertThat(b.contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void anAgentClaimsAndCompletesTheirQueuesTaskAndIsRefusedAnotherGroups() {
        Api api = new Api(port);
        String own = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\","
                + "\"subject\":\"Login <b>fails</b> <script>document.title='pwned'</script>\",\"body\":\"since noon\"}")
                .body().get("key").asText();
        String other = api.post("intake", "/api/tickets", "{\"from\":\"cto@platina.example\","
                + "\"subject\":\"Site is down\",\"body\":\"for everyone\"}").body().get("key").asText();
        long otherTask = java.util.stream.StreamSupport.stream(api.get("hana", "/api/tasks").body().spliterator(), false)
                .filter(t -> other.equals(t.get("ticketKey").asText())).findFirst().orElseThrow().get("id").asLong();

        Browser b = browser();
        b.signOut();
        b.open("/tasks");
        assertThat(b.driver().getCurrentUrl()).as("signed out: sent to sign in").endsWith("/login");
        b.signIn("alice");
        assertThat(b.driver().getCurrentUrl()).endsWith("/tasks");
        String list = b.driver().findElement(By.id("task-list")).getText();
        assertThat(list).contains(own).doesNotContain(other);
        b.screenshot("task-list");
        b.open("/tasks?scope=NOPE&page=x");
        assertThat(b.driver().findElement(By.id("task-list")).getText()).as("a mangled link still shows the list").contains(own);
        b.open("/tasks");

        b.clickAndWait(row(b, own).findElement(By.xpath(".//button[text()='Claim']")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText()).contains("You hold").contains(own);
        b.clickAndWait(row(b, own).findElement(By.xpath(".//button[text()='Complete']")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText()).contains("is done");

        b.open("/tickets/" + own);
        WebElement title = b.driver().findElement(By.tagName("h1"));
        assertThat(title.getText()).contains("Login <b>fails</b> <script>");
        assertThat(title.findElements(By.tagName("b"))).as("ticket text is escaped, not markup").isEmpty();
        assertThat(b.driver().getTitle()).doesNotContain("pwned");
        assertThat(b.driver().findElement(By.cssSelector("table.history")).getText())
                .contains("RECEIVED").contains("TASK_CREATED").contains("DECIDED").contains("TASK_COMPLETED");
        b.driver().findElement(By.id("message-body")).sendKeys("Fixed: the account was locked. <i>Sorry!</i>");
        b.clickAndWait(b.driver().findElement(By.xpath("//form[@class='write']//button[starts-with(text(),'Reply to')]")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Reply queued for ops@goldcrest.example.");
        b.driver().findElement(By.id("message-body")).sendKeys("Customer was friendly about it.");
        b.clickAndWait(b.driver().findElement(By.xpath("//button[text()='Add internal note']")));
        String conversation = b.driver().findElement(By.cssSelector("ol.conversation")).getText();
        assertThat(conversation).contains("replied to the customer").contains("mail queued")
                .contains("<i>Sorry!</i>").contains("added an internal note");
        b.screenshot("ticket");

        b.open("/tickets/" + other);
        assertThat(b.driver().findElement(By.cssSelector("table.tasks")).getText())
                .as("another group's task is not shown on its ticket's page").doesNotContain("hosting partner");
        assertThat(b.driver().findElement(By.tagName("main")).getText()).contains("1 open task(s) belong to other groups.");

        // A forged claim of another group's task, with a valid CSRF token, is refused with a clear page.
        ((JavascriptExecutor) b.driver()).executeScript("""
                const f = document.createElement('form'); f.method = 'post'; f.action = '/tasks/' + arguments[0] + '/claim';
                const csrf = document.querySelector('input[name=_csrf]').cloneNode(); f.appendChild(csrf);
                document.body.appendChild(f); f.submit();""", otherTask);
        assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(b.driver().findElement(By.cssSelector(".flash.error")).getText()).contains("hosting-liaison");
        assertThat(api.get("hana", "/api/tasks/" + otherTask).body().get("assignee").isNull()).isTrue();
        assertThat(b.contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void aManagerSeesEveryQueueSoonestDueFirstAndCanNarrowItByTier() {
        Api api = new Api(port);
        for (String from : new String[] {"owner@bluebird.example", "help@silverline.example", "admin@quartz.example",
                "ops@goldcrest.example", "cto@platina.example", "it@ironclad.example"}) {
            api.post("intake", "/api/tickets", "{\"from\":\"" + from + "\",\"subject\":\"Site is down\",\"body\":\"all pages\"}");
            api.post("intake", "/api/tickets", "{\"from\":\"" + from + "\",\"subject\":\"One user cannot log in\",\"body\":\"b\"}");
        }
        api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Please quote a custom feature\","
                + "\"body\":\"a new report\"}");

        Browser b = browser();
        b.signIn("maria");
        b.open("/tasks");
        java.util.List<String> groups = b.driver().findElements(By.cssSelector("#task-list tbody tr td:nth-child(8)"))
                .stream().map(WebElement::getText).distinct().toList();
        assertThat(groups).contains("hosting-liaison", "support-desk", "sales");
        java.util.List<String> due = b.driver().findElements(By.cssSelector("#task-list .sla")).stream()
                .map(e -> e.getAttribute("data-due")).toList();
        assertThat(due).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse));
        b.screenshot("task-list-manager");

        // Other tests' tasks share this list, so the soonest may belong to a group hana is not in.
        WebElement first = b.driver().findElement(By.xpath(
                "//*[@id='task-list']//tbody/tr[td[8][normalize-space()='hosting-liaison']][not(td[9][normalize-space()='hana'])]"));
        String firstTicket = first.findElement(By.cssSelector("td a")).getText();
        new org.openqa.selenium.support.ui.Select(first.findElement(By.name("to"))).selectByValue("hana");
        b.clickAndWait(first.findElement(By.xpath(".//button[text()='Assign']")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText()).contains(firstTicket).endsWith("is now with hana.");

        new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.name("tier"))).selectByValue("PLATINUM");
        b.clickAndWait(b.driver().findElement(By.cssSelector("#filters button")));
        assertThat(b.driver().findElements(By.cssSelector("#task-list tbody tr td:nth-child(4)")))
                .isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo("PLATINUM"));
        assertThat(b.driver().getCurrentUrl()).contains("tier=PLATINUM");
        assertThat(b.contentSecurityPolicyViolations()).isEmpty();
    }

    @Test
    void aManagerSeesTheBreachAndHandsItOnInBulkWhileAnAgentMayNotOpenTheView() {
        Api api = new Api(port);
        String late = api.post("intake", "/api/tickets", "{\"from\":\"it@ironclad.example\",\"subject\":\"Site is down\","
                + "\"body\":\"all of them\",\"receivedAt\":\"" + java.time.Instant.now().minusSeconds(40 * 60) + "\"}")
                .body().get("key").asText();
        io.turnaround.support.Waits.waitUntil(() -> api.get("maria", "/api/tasks?group=support-managers").text().contains(late),
                java.time.Duration.ofSeconds(30), "the breach escalated");
        // Half of its 30 minutes gone in a few seconds: the ladder's first rung warns.
        String warned = api.post("intake", "/api/tickets", "{\"from\":\"it@ironclad.example\",\"subject\":\"Site is slow\","
                + "\"body\":\"all of them\",\"receivedAt\":\"" + java.time.Instant.now().minusSeconds(15 * 60 - 3) + "\"}")
                .body().get("key").asText();

        Browser b = browser();
        b.signIn("alice");
        b.open("/manager");
        assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");

        b.signIn("maria");
        b.open("/manager");
        assertThat(b.driver().findElement(By.id("escalations")).getText()).contains(late).contains("support-managers");
        WebElement breached = b.driver().findElement(By.id("breached-nobody-on-it"));
        assertThat(breached.getText()).contains(late);
        b.screenshot("manager");

        breached.findElement(By.xpath(".//tr[td/a[text()='" + late + "']]//input[@type='checkbox']")).click();
        new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.cssSelector("#bulk select"))).selectByValue("hana");
        b.clickAndWait(b.driver().findElement(By.cssSelector("#bulk button")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Assigned 1 task(s) to hana.");
        assertThat(b.driver().findElement(By.id("breached-nobody-on-it")).getText()).doesNotContain(late);
        assertThat(api.get("maria", "/api/tickets/" + late).body().get("assignee").asText()).isEqualTo("hana");

        b.open("/tickets/" + late);
        assertThat(b.driver().findElement(By.id("sla-timeline")).getText())
                .contains("Breached").contains("escalated to support-managers").contains("BREACHED");
        new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.name("category"))).selectByValue("NON_EMERGENCY");
        b.clickAndWait(b.driver().findElement(By.xpath("//button[text()='Re-decide']")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText())
                .startsWith("Now NON_EMERGENCY: SUPPORT_DESK for support-desk");
        assertThat(b.driver().findElement(By.cssSelector("table.history")).getText()).contains("CATEGORY_CORRECTED");

        new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.name("on"))).selectByValue("CUSTOMER");
        b.clickAndWait(b.driver().findElement(By.xpath("//button[text()='Wait']")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Waiting on CUSTOMER; the SLA clock is paused.");
        assertThat(b.driver().findElement(By.id("sla-timeline")).getText()).contains("Paused");
        b.clickAndWait(b.driver().findElement(By.xpath("//button[text()='Stop waiting']")));
        assertThat(b.driver().findElement(By.cssSelector(".flash.ok")).getText()).startsWith("No longer waiting; due ");
        assertThat(b.driver().findElement(By.cssSelector("table.history")).getText()).contains("WAITING_ENDED");

        io.turnaround.support.Waits.waitUntil(() -> api.get("maria", "/api/tickets/" + warned).text().contains("SLA_WARNING"),
                java.time.Duration.ofSeconds(30), "the half-way warning");
        b.open("/tickets/" + warned);
        assertThat(b.driver().findElement(By.id("sla-timeline")).getText()).contains("Warned").contains("at 50%");
        assertThat(b.contentSecurityPolicyViolations()).isEmpty();
    }

    private static WebElement row(Browser b, String ticketKey) {
        return b.driver().findElement(By.xpath("//tr[td/a[text()='" + ticketKey + "']]"));
    }
}
