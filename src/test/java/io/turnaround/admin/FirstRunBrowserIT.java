package io.turnaround.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.Browser;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first run of a real install, in Chromium, from the README's steps: the set-up link from the log, the first
 * admin, a group with a member, a client with a domain contact, mail from a new address at that domain becoming that
 * client's ticket, and mail from an unknown domain waiting in triage until the support desk links it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstRunBrowserIT {

    private static final Pattern LINK = Pattern.compile("/setup\\?token=([A-Za-z0-9_-]{43})");
    private static final String ADA = "a long admin passphrase";
    private static final String SAM = "sams own long passphrase";

    @Test
    void aNewInstallIsSetUpAndRunFromItsOwnPages(CapturedOutput output) {
        EnginePersistence.configure();
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TurnaroundApplication.class).run(
                Stream.concat(Stream.of(PostgresDatabase.create().springArgs()),
                        Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1")).toArray(String[]::new));
             Browser b = new Browser(((ServletWebServerApplicationContext) server).getWebServer().getPort())) {
            Api api = new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
            WebDriver d = b.driver();

            // 1. The set-up link the log shows, and 2. the first admin.
            Matcher link = LINK.matcher(output.getOut());
            assertThat(link.find()).as("a set-up link in the log").isTrue();
            b.open("/setup?token=" + link.group(1));
            d.findElement(By.name("username")).sendKeys("ada");
            d.findElement(By.name("displayName")).sendKeys("Ada Admin");
            d.findElement(By.name("password")).sendKeys(ADA);
            d.findElement(By.name("repeat")).sendKeys(ADA);
            b.clickAndWait(d.findElement(By.cssSelector("form.signin button")));
            assertThat(d.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("The administrator is created");
            b.signIn("ada", ADA);

            // 3. A group with a member: the support desk's warning goes once it has one.
            b.clickAndWait(d.findElement(By.linkText("Staff")));
            assertThat(d.findElement(By.cssSelector("#groups .warnings")).getText())
                    .contains("group support-desk has no enabled member: its tasks would wait unseen");
            d.findElement(By.cssSelector("#add input[name=username]")).sendKeys("sam");
            d.findElement(By.cssSelector("#add input[name=displayName]")).sendKeys("Sam Support");
            d.findElement(By.cssSelector("#add input[name=groups]")).sendKeys("support-desk");
            d.findElement(By.cssSelector("#add input[name=timeZone]")).sendKeys("America/Los_Angeles");
            d.findElement(By.cssSelector("#add input[name=password]")).sendKeys(SAM);
            b.clickAndWait(d.findElement(By.cssSelector("#add button")));
            assertThat(d.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("sam can sign in now.");
            b.clickAndWait(d.findElement(By.linkText("← Staff")));
            assertThat(d.findElement(By.cssSelector("#groups .warnings")).getText())
                    .doesNotContain("group support-desk").contains("group dev-team has no enabled member");
            b.screenshot("staff");

            // 4. A client with a domain contact.
            b.clickAndWait(d.findElement(By.linkText("Clients")));
            d.findElement(By.cssSelector("#add input[name=name]")).sendKeys("Bluebird Studio");
            new Select(d.findElement(By.cssSelector("#add select[name=tier]"))).selectByValue("GOLD");
            d.findElement(By.cssSelector("#add input[name=timeZone]")).clear();
            d.findElement(By.cssSelector("#add input[name=timeZone]")).sendKeys("America/Chicago");
            b.clickAndWait(d.findElement(By.cssSelector("#add button")));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Bluebird Studio");
            d.findElement(By.cssSelector("#add-contact input[name=address]")).sendKeys("@bluebird.example");
            d.findElement(By.cssSelector("#add-contact input[name=name]")).sendKeys("Anyone at Bluebird");
            b.clickAndWait(d.findElement(By.cssSelector("#add-contact button")));
            assertThat(d.findElement(By.id("contacts")).getText())
                    .contains("@bluebird.example (anyone at this domain)");
            b.screenshot("client");

            // 5. Mail from a new address at that domain is that client's ticket.
            JsonNode known = mail(api, "new.person@bluebird.example", "Our site is down");
            JsonNode ticket = api.request("GET", Api.basic("ada", ADA), "/api/tickets/" + known.get("ticketKey").asText(),
                    null).body();
            assertThat(ticket.get("client").asText()).isEqualTo("Bluebird Studio");
            assertThat(ticket.get("status").asText()).isEqualTo("OPEN");

            // 6. Mail from an unknown domain waits in triage, and the support desk links it.
            String stranger = mail(api, "someone@elsewhere.example", "Question about our plan").get("ticketKey").asText();
            b.signIn("sam", SAM);
            assertThat(d.findElement(By.id("triage-link")).getText()).isEqualTo("Triage: 1 waiting for a client");
            b.clickAndWait(d.findElement(By.cssSelector("#triage-link a")));
            assertThat(d.findElement(By.id("triage")).getText()).contains(stranger).contains("someone@elsewhere.example");
            d.findElement(By.cssSelector("#triage input[name=client]")).sendKeys("Bluebird Studio");
            new Select(d.findElement(By.cssSelector("#triage select[name=contact]"))).selectByValue("SENDER");
            b.clickAndWait(d.findElement(By.cssSelector("#triage form button")));
            assertThat(d.findElement(By.cssSelector(".flash.ok")).getText()).startsWith(stranger
                    + " is Bluebird Studio's now: NON_EMERGENCY, SUPPORT_DESK for support-desk");
            assertThat(d.findElement(By.tagName("h1")).getText()).startsWith(stranger);
            assertThat(d.findElement(By.id("sla-timeline")).getText()).as("times in sam's zone").containsPattern("P[SD]T");
            assertThat(b.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    /** A mail as the mailbox would hand it over, posted by the admin; the answer names its ticket. */
    private static JsonNode mail(Api api, String from, String subject) {
        byte[] mail = ("Message-ID: <" + System.nanoTime() + "@example.test>\r\nFrom: " + from + "\r\nTo: support@turnaround.example"
                + "\r\nSubject: " + subject + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPlease help.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Api.Response received = api.postAs(Api.basic("ada", ADA), "/api/inbound/email", mail, "message/rfc822");
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        return received.body();
    }
}
