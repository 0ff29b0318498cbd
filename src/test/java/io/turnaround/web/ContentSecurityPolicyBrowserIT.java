package io.turnaround.web;

import io.turnaround.quote.QuoteFixtures;
import io.turnaround.support.Browser;
import io.turnaround.support.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real browser under the Content-Security-Policy: the main pages, htmx's refresh of the task list
 * and the customer quote page run without a single violation on the console, and inline script and style, the
 * things the policy exists to stop, are refused and reported there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:csp;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class ContentSecurityPolicyBrowserIT extends ServerTestBase {

    @Test
    void theMainPagesAndTheTaskListsRefreshRunWithoutAViolation() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Site is down\","
                + "\"body\":\"all pages\"}").body().get("key").asText();
        String quote = QuoteFixtures.sentQuoteLink(api, jdbc);
        long client = jdbc.queryForObject("select id from client where name = 'Goldcrest Live'", Long.class);

        try (Browser b = new Browser(port)) {
            b.signIn("maria");
            for (String page : List.of("/tickets/" + key, "/manager", "/clients", "/clients/" + client + "/statements",
                    "/clients/" + client, "/clients/import", "/tasks/triage", "/tickets/TCK-999999", "/tasks")) {
                b.open(page);
            }
            assertThat(b.driver().findElement(By.cssSelector("#task-list .sla")).getText())
                    .as("sla.js counts down").matches("\\d+ (d|h|min).*left|overdue.*");
            WebElement rows = b.driver().findElement(By.id("task-rows"));
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d ->
                    "yes".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
            String next = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":"
                    + "\"Site is down again\",\"body\":\"all pages\"}").body().get("key").asText();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(rows));
            assertThat(b.driver().findElement(By.id("task-list")).getText()).as("htmx swapped the list in on the event")
                    .contains(key).contains(next);

            b.signIn("admin");
            b.open("/policy");
            b.open("/policy/versions/1");
            b.open("/staff");
            b.open("/staff/admin");
            b.open("/staff/audit");
            b.signOut();
            b.open(quote);
            assertThat(b.driver().findElement(By.tagName("h1")).getText()).startsWith("Quote for Platina Streams");

            assertThat(b.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    /**
     * springdoc's Swagger UI: its own script files, its icons as data: images (its page's policy allows them), and the
     * API's description from the session; an operation opens with its roles and its examples resolved from the schemas.
     */
    @Test
    void theSwaggerUiShowsTheApiWithoutAViolation() {
        try (Browser b = new Browser(port)) {
            b.signIn("andy");
            b.open("/swagger-ui.html");
            WebDriverWait wait = new WebDriverWait(b.driver(), Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.cssSelector(".opblock-tag")).isEmpty());
            assertThat(b.driver().findElements(By.cssSelector(".opblock-tag")).stream().map(WebElement::getText))
                    .contains("Tickets", "Tasks", "Policy", "Studio");
            By intake = By.cssSelector("#operations-Tickets-create");
            WebElement summary = b.driver().findElement(intake).findElement(By.cssSelector(".opblock-summary"));
            assertThat(summary.getText()).contains("POST").contains("/api/tickets")
                    .contains("Take in a support request as a ticket");
            summary.click();
            // The last operations of a large description are where an old Swagger UI left its schemas unresolved.
            wait.until(d -> d.findElement(intake).getText().contains("\"key\": \"TCK-000001\""));
            assertThat(b.driver().findElement(intake).getText()).contains("Roles: AGENT, MANAGER, ADMIN, INTAKE.")
                    .contains("\"from\": \"cto@platina.example\"").contains("application/problem+json")
                    .contains("\"detail\": \"TCK-000001 is RESOLVED, not waiting\"");
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()",
                    b.driver().findElement(intake));
            b.screenshot("swagger-ui");

            assertThat(b.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void inlineScriptAndStyleAreRefusedAndReported() {
        try (Browser b = new Browser(port)) {
            b.signIn("alice");
            b.open("/tasks");
            ((JavascriptExecutor) b.driver()).executeScript("""
                    const s = document.createElement('script'); s.textContent = "document.title = 'inline ran'";
                    document.head.appendChild(s);
                    document.body.insertAdjacentHTML('beforeend', '<p id="styled" style="color: rgb(255, 0, 0)">x</p>');""");

            assertThat(b.driver().getTitle()).doesNotContain("inline ran");
            assertThat(b.driver().findElement(By.id("styled")).getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");
            assertThat(b.contentSecurityPolicyViolations())
                    .anySatisfy(v -> assertThat(v).contains("inline script").contains("script-src 'self'"))
                    .anySatisfy(v -> assertThat(v).contains("inline style").contains("style-src 'self'"));
        }
    }
}
