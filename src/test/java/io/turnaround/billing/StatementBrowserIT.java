package io.turnaround.billing;

import io.turnaround.support.Api;
import io.turnaround.support.Browser;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent logs time on the ticket page; a manager reads the client's statement for the month. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:statement;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class StatementBrowserIT {

    static {
        EnginePersistence.configure();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAgentLogsSevenHoursAndTheManagerSeesTwoOfThemBilled() {
        String key = new Api(port).post("intake", "/api/tickets", "{\"from\":\"help@silverline.example\","
                + "\"subject\":\"Build us a widget\",\"body\":\"a small one\"}").body().get("key").asText();
        long silverline = jdbc.queryForObject("select id from client where name = 'Silverline Media'", Long.class);

        try (Browser b = new Browser(port)) {
            WebDriver d = b.driver();
            b.signIn("dave");
            b.open("/tickets/" + key);
            d.findElement(By.cssSelector("#log-time input[name=duration]")).sendKeys("7:00");
            d.findElement(By.cssSelector("#log-time select[name=kind] option[value=DEVELOPMENT]")).click();
            d.findElement(By.cssSelector("#log-time input[name=note]")).sendKeys("<b>widget</b> =1+1");
            b.clickAndWait(d.findElement(By.cssSelector("#log-time button")));
            assertThat(d.findElement(By.cssSelector(".flash.ok")).getText())
                    .contains("Logged 7:00 of development for Silverline Media").contains("5:00 from the included hours, 2:00 billable");
            assertThat(d.findElement(By.id("time")).getText()).contains("<b>widget</b> =1+1").contains("dave");

            // A slip: an hour logged by mistake is withdrawn from the same list, with a reason.
            d.findElement(By.cssSelector("#log-time input[name=duration]")).sendKeys("1:00");
            b.clickAndWait(d.findElement(By.cssSelector("#log-time button")));
            WebElement slip = d.findElement(By.xpath("//table[contains(@class,'time-entries')]//tr[td[3]='1:00']"));
            slip.findElement(By.name("reason")).sendKeys("logged by mistake");
            b.clickAndWait(slip.findElement(By.xpath(".//button[text()='Withdraw']")));
            assertThat(d.findElement(By.cssSelector(".flash.ok")).getText()).endsWith("withdrawn: it no longer counts.");
            assertThat(d.findElements(By.xpath("//table[contains(@class,'time-entries')]//tr[td[3]='1:00']"))).isEmpty();
            assertThat(d.findElement(By.id("history")).getText()).contains("reason: logged by mistake");
            b.open("/clients/" + silverline + "/statements");
            assertThat(d.findElement(By.tagName("h1")).getText()).as("agents do not see clients' money").isEqualTo("Not allowed");

            b.signOut();
            b.signIn("maria");
            b.open("/tasks");
            b.clickAndWait(d.findElement(By.linkText("Clients")));
            b.clickAndWait(d.findElement(By.xpath("//tr[td/a[text()='Silverline Media']]/td[last()]/a")));
            assertThat(d.findElement(By.id("statement-total")).getText()).isEqualTo("$3,100.00");
            assertThat(d.findElement(By.id("statement-lines")).getText()).contains("Licensing fee $400.00")
                    .contains("Development: worked 7:00, included 5:00 2:00 billed $100.00/h $200.00");
            assertThat(d.findElement(By.cssSelector("table.statement-entries")).getText()).contains("<b>widget</b> =1+1");
            b.screenshot("statement");

            b.clickAndWait(d.findElement(By.id("previous-month")));
            assertThat(d.findElement(By.id("statement-total")).getText()).isEqualTo("$2,900.00");
            assertThat(d.findElement(By.cssSelector("table.statement-entries")).getText()).contains("No time logged this month.");
            assertThat(b.contentSecurityPolicyViolations()).isEmpty();
        }
    }
}
