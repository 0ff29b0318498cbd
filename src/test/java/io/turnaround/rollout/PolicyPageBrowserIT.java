package io.turnaround.rollout;

import io.turnaround.support.Api;
import io.turnaround.support.Browser;
import io.turnaround.support.PolicyFolders;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy page in a real browser: an analyst uploads a changed file and previews its impact, an admin activates
 * it, and a broken file comes back as a message with its file and line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:policy-page;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class PolicyPageBrowserIT {

    static {
        EnginePersistence.configure();
    }

    private static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAnalystUploadsAndPreviewsAndAnAdminActivates() {
        Api api = new Api(port);
        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Our shop is"
                + " down\",\"body\":\"since noon\"}").body().get("key").asText();
        Path folder = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(folder, "rules/classification.drl", "\"site is down | ", "\"site is down | shop is down | ");
        browser = new Browser(port);

        browser.signIn("andy");
        browser.open("/policy");
        assertThat(browser.driver().findElement(By.id("active-version")).getText()).contains("version 1");
        browser.driver().findElement(By.name("files"))
                .sendKeys(folder.resolve("rules/classification.drl").toAbsolutePath().toString());
        browser.driver().findElement(By.name("description")).sendKeys("<b>shop</b> down is an emergency");
        browser.clickAndWait(browser.driver().findElement(By.xpath("//button[text()='Upload and check']")));
        assertThat(browser.driver().findElement(By.cssSelector(".flash.ok")).getText()).contains("version 2 is a draft");
        assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo("DRAFT");
        assertThat(browser.driver().findElements(By.id("activate"))).as("only admins activate").isEmpty();

        browser.clickAndWait(browser.driver().findElement(By.xpath("//button[text()='Preview the impact']")));
        String impact = browser.driver().findElement(By.id("impact")).getText();
        assertThat(impact).contains("1 would change").contains("NON_EMERGENCY → EMERGENCY");
        WebElement why = browser.driver().findElement(By.cssSelector("details.why-change"));
        why.findElement(By.tagName("summary")).click();
        assertThat(why.getText()).as("why, before and after")
                .contains("Now, by version 1\nNon-emergency, possibly an emergency: an outage symptom with no clear scope:"
                        + " category NON_EMERGENCY")
                .contains("By version 2\nEmergency: an outage the seed names outright: category EMERGENCY")
                .contains("matched “shop is down” in the subject")
                .contains("1 h around the clock from");
        browser.screenshot("policy-impact");

        browser.open("/tickets/" + key);
        browser.driver().findElement(By.cssSelector("#why summary")).click();
        assertThat(browser.driver().findElement(By.id("why")).getText()).as("the ticket's own decision, by version 1")
                .contains("Non-emergency, possibly an emergency: an outage symptom with no clear scope:"
                        + " category NON_EMERGENCY").contains("matched “is down” in the subject")
                .contains("12 business hours from");

        browser.signIn("admin");
        browser.open("/policy/versions/2");
        browser.clickAndWait(browser.driver().findElement(By.xpath("//form[@id='activate']//button")));
        assertThat(browser.driver().findElement(By.cssSelector(".flash.ok")).getText()).contains("Version 2 is active");
        assertThat(api.get("andy", "/api/policy").body().get("policyVersion").asInt()).isEqualTo(2);
        browser.open("/policy");
        assertThat(browser.driver().findElement(By.cssSelector("tr[data-version='2']")).getText())
                .contains("ACTIVE").contains("<b>shop</b> down is an emergency");
        assertThat(browser.driver().findElement(By.id("audit")).getText()).contains("ACTIVATE").contains("PREVIEW");

        PolicyFolders.edit(folder, "rules/classification.drl", "then", "then then");
        browser.driver().findElement(By.name("files"))
                .sendKeys(folder.resolve("rules/classification.drl").toAbsolutePath().toString());
        browser.clickAndWait(browser.driver().findElement(By.xpath("//button[text()='Upload and check']")));
        assertThat(browser.driver().findElement(By.cssSelector(".flash.error")).getText()).contains("rejected");
        assertThat(browser.driver().findElement(By.id("history")).getText()).contains("rules/classification.drl:");
        assertThat(api.get("andy", "/api/policy").body().get("policyVersion").asInt()).isEqualTo(2);
        assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
    }
}
