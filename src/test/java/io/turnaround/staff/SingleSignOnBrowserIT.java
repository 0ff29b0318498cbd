package io.turnaround.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.Browser;
import io.turnaround.support.CrashLoad;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in Chromium against a real OpenID Connect provider in this JVM, on PostgreSQL: the first sign-in
 * makes the account with the mapped roles and groups, sign-out ends the session at Turnaround and at the provider,
 * a role changed at the provider is the role at the next sign-in, a password account is joined only through an
 * e-mail address the provider has verified, someone with no mapped role gets "no access", a first sign-in from
 * several tabs at once makes one account, and API tokens and passwords work beside it all.
 */
class SingleSignOnBrowserIT {

    private static final String ISSUER = "company";
    private static final String CLIENT = "turnaround";

    private final MockOAuth2Server provider = new MockOAuth2Server();

    @Test
    void staffSignInThroughTheProviderWithTheRolesItsClaimsMapTo() throws Exception {
        provider.start();
        EnginePersistence.configure();
        String[] settings = {"--server.port=0", "--jbpm.quartz.start-delay=1",
                "--spring.security.oauth2.client.registration.company.client-id=" + CLIENT,
                "--spring.security.oauth2.client.registration.company.client-secret=a client secret",
                "--spring.security.oauth2.client.registration.company.client-name=Company account",
                "--spring.security.oauth2.client.registration.company.scope=openid,profile,email",
                "--spring.security.oauth2.client.provider.company.issuer-uri=" + provider.issuerUrl(ISSUER),
                "--turnaround.sso.roles.[support-agents]=AGENT",
                "--turnaround.sso.roles.[support-leads]=MANAGER,AGENT",
                "--turnaround.sso.groups.[Support Desk]=support-desk"};
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TurnaroundApplication.class).run(
                Stream.concat(Stream.of(PostgresDatabase.create().springArgsWithDemoData()), Stream.of(settings))
                        .toArray(String[]::new));
             Browser b = new Browser(((ServletWebServerApplicationContext) server).getWebServer().getPort())) {
            Api api = new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
            WebDriver d = b.driver();

            // The first sign-in makes the account: roles and groups from the mapped claims, the rest left out.
            signOn(b, "sub-lee", Map.of("preferred_username", "Lee.Park", "name", "Lee Park",
                    "email", "lee.park@company.example", "email_verified", true,
                    "roles", List.of("support-agents", "everyone"), "groups", List.of("Support Desk", "Canteen")));
            assertThat(d.getCurrentUrl()).endsWith("/tasks");
            assertThat(d.findElement(By.cssSelector("header")).getText()).contains("lee.park").contains("AGENT");
            JsonNode lee = api.get("admin", "/api/staff/lee.park").body();
            assertThat(lee.get("displayName").asText()).isEqualTo("Lee Park");
            assertThat(lee.get("email").asText()).isEqualTo("lee.park@company.example");
            assertThat(lee.get("roles").toString()).isEqualTo("[\"AGENT\"]");
            assertThat(lee.get("groups").toString()).isEqualTo("[\"support-desk\"]");
            assertThat(lee.get("singleSignOn").asBoolean()).isTrue();
            b.open("/account");
            assertThat(d.findElement(By.id("single-sign-on")).getText()).contains("You sign in through single sign-on");
            assertThat(d.findElements(By.cssSelector("form[action$='/account/password']"))).isEmpty();

            // Sign-out ends the session here, and at the provider, which sends the browser back to the sign-in page.
            providerPathsAsked();
            b.clickAndWait(d.findElement(By.cssSelector("header form button")));
            assertThat(providerPathsAsked()).containsExactly("/" + ISSUER + "/endsession");
            assertThat(d.getCurrentUrl()).contains("/login?signedOut");
            assertThat(d.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("You are signed out.");
            b.open("/tasks");
            assertThat(d.getCurrentUrl()).endsWith("/login");

            // The provider made Lee a lead: the next sign-in brings the manager's pages, and the audit says who.
            signOn(b, "sub-lee", Map.of("preferred_username", "lee.park", "name", "Lee Park",
                    "roles", "support-leads", "groups", List.of("Support Desk")));
            b.open("/manager");
            assertThat(d.findElement(By.tagName("h1")).getText()).isNotEqualTo("Not allowed");
            assertThat(api.get("admin", "/api/staff/lee.park").body().get("roles").toString())
                    .isEqualTo("[\"AGENT\",\"MANAGER\"]");
            assertThat(api.get("admin", "/api/staff/audit").text())
                    .contains("\"actor\":\"single-sign-on\"").contains("\"username\":\"lee.park\"");

            // Someone the provider knows, with no role the table maps: no access, and no account.
            signOn(b, "sub-guest", Map.of("preferred_username", "guest", "roles", List.of("everyone")));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("No access");
            assertThat(d.findElement(By.cssSelector(".flash.error")).getText()).isEqualTo("you signed in at Company"
                    + " account as guest, but none of your roles there (everyone) gives access to Turnaround: ask an"
                    + " administrator");
            assertThat(api.get("admin", "/api/staff/guest").status()).isEqualTo(404);
            b.open("/tasks");
            assertThat(d.getCurrentUrl()).endsWith("/login");

            // A password account is joined only through the e-mail address it has, verified by the provider.
            signOn(b, "sub-maria-elsewhere", Map.of("preferred_username", "maria", "email", "maria@elsewhere.example",
                    "email_verified", true, "roles", "support-leads"));
            assertThat(d.findElement(By.cssSelector(".flash.error")).getText()).startsWith("the user name maria"
                    + " belongs to an account that signs in with a password");
            signOn(b, "sub-maria", Map.of("preferred_username", "maria", "email", "maria@turnaround.example",
                    "email_verified", true, "roles", "support-leads"));
            assertThat(d.findElement(By.cssSelector("header")).getText()).contains("maria");
            assertThat(api.get("admin", "/api/staff/maria").body().get("singleSignOn").asBoolean()).isTrue();

            // The same new person signing in from eight tabs at once: one account, and every sign-in gets it.
            SignedOnIdentity kim = new SignedOnIdentity("company sub-kim", "kim", "Kim Lee", null, false,
                    Set.of(StaffRole.AGENT), Set.of("support-desk"));
            ExecutorService tabs = Executors.newFixedThreadPool(8);
            try {
                List<Future<StaffAccount>> signIns = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    signIns.add(tabs.submit(() -> server.getBean(SingleSignOnUsers.class).account(kim)));
                }
                for (Future<StaffAccount> signIn : signIns) {
                    assertThat(signIn.get(60, TimeUnit.SECONDS).username()).isEqualTo("kim");
                }
            } finally {
                tabs.shutdownNow();
            }
            assertThat(server.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from staff_user where sso_subject = 'company sub-kim'", Integer.class)).isEqualTo(1);

            // Programs and passwords are untouched: an API token takes in a ticket, and a password still signs in.
            String token = CrashLoad.intakeToken(api);
            Api.Response ticket = api.request("POST", Api.bearer(token), "/api/tickets", "{\"from\":\"ops@bluebird"
                    + ".example\",\"subject\":\"Question about invoices\",\"body\":\"Where is last month's?\"}");
            assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
            b.signIn("alice");
            assertThat(d.findElement(By.cssSelector("header")).getText()).contains("alice");
            assertThat(b.contentSecurityPolicyViolations()).isEmpty();
        } finally {
            provider.shutdown();
        }
    }

    /** The paths the provider was asked for since the last call, in order. */
    private List<String> providerPathsAsked() {
        List<String> paths = new ArrayList<>();
        while (true) {
            RecordedRequest asked;
            try {
                asked = provider.takeRequest(100, TimeUnit.MILLISECONDS);
            } catch (RuntimeException noneLeft) { // how this provider says its queue stayed empty
                return paths;
            }
            paths.add(asked.getRequestUrl().encodedPath());
        }
    }

    /** Signs out of any session, then signs in through the provider as the person the claims describe. */
    private void signOn(Browser b, String subject, Map<String, Object> claims) {
        b.signOut();
        b.open("/login");
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of(CLIENT), claims, 3600));
        b.clickAndWait(b.driver().findElement(By.cssSelector("form.single-sign-on button")));
    }
}
