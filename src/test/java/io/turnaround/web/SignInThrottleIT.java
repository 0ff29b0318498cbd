package io.turnaround.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.turnaround.support.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are throttled per user name and per client address, on the API (HTTP basic) and the sign-in page;
 * everyone else signs in at once. Each test signs in from its own loopback addresses, as other machines would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:sign-in-throttle;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class SignInThrottleIT extends ServerTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("(JSESSIONID=[^;]+)");

    @Test
    void elevenBadPasswordsForOneUserMakeItWaitEvenWithTheRightOneWhileOthersSignInAtOnce() {
        FromAddress attacker = new FromAddress("127.0.0.2", port);
        for (int i = 1; i <= 10; i++) {
            assertThat(tasks(attacker, "tess", "guess-" + i).status()).as("attempt " + i).isEqualTo(401);
        }

        FromAddress.Reply eleventh = tasks(attacker, "tess", "guess-11");

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(Integer.parseInt(eleventh.header("Retry-After"))).isBetween(1, 300);
        assertThat(eleventh.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eleventh.body()).contains("\"status\":429", "try again in 5 minutes");
        FromAddress elsewhere = new FromAddress("127.0.0.3", port);
        assertThat(tasks(elsewhere, "tess", "demo").status()).as("tess waits, even with her password").isEqualTo(429);
        assertThat(tasks(elsewhere, "sam", "demo").status()).as("sam is not slowed").isEqualTo(200);
    }

    @Test
    void tenFailuresFromOneAddressMakeThatAddressWaitForEveryUser() {
        FromAddress sprayer = new FromAddress("127.0.0.4", port);
        for (int i = 1; i <= 10; i++) {
            assertThat(tasks(sprayer, "nobody-" + i, "demo").status()).isEqualTo(401);
        }

        assertThat(tasks(sprayer, "alice", "demo").status()).isEqualTo(429);
        assertThat(tasks(new FromAddress("127.0.0.5", port), "alice", "demo").status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInClearsItsUsersFailures() {
        FromAddress typo = new FromAddress("127.0.0.8", port);
        for (int i = 1; i <= 9; i++) {
            assertThat(tasks(typo, "hana", "dmeo").status()).isEqualTo(401);
        }
        assertThat(tasks(typo, "hana", "demo").status()).isEqualTo(200);

        FromAddress later = new FromAddress("127.0.0.9", port);
        assertThat(tasks(later, "hana", "dmeo").status()).as("one failure since her sign-in").isEqualTo(401);
        assertThat(tasks(later, "hana", "demo").status()).isEqualTo(200);
    }

    @Test
    void theSignInPageSaysHowLongToWait() {
        FromAddress browser = new FromAddress("127.0.0.6", port);
        for (int i = 1; i <= 10; i++) {
            FromAddress.Reply refused = signIn(browser, "dave", "guess-" + i);
            assertThat(refused.status()).isEqualTo(302);
            assertThat(refused.header("Location")).endsWith("/login?error");
        }

        for (String password : new String[] {"guess-11", "demo"}) {
            FromAddress.Reply throttled = signIn(browser, "dave", password);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 300);
            assertThat(throttled.body()).contains("Too many attempts, try again in 5 minutes.")
                    .contains("name=\"username\"");
        }
        assertThat(signIn(new FromAddress("127.0.0.7", port), "maria", "demo").header("Location"))
                .as("maria is not slowed").endsWith("/tasks");
    }

    @Test
    void failuresAreLoggedWithNameAndAddressNeverThePassword() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            tasks(new FromAddress("127.0.0.10", port), "andy", "Correct-Horse-7");
            signIn(new FromAddress("127.0.0.11", port), "andy", "Battery-Staple-8");
        } finally {
            root.detachAppender(log);
        }

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("sign-in failed for user 'andy' from 127.0.0.10", "sign-in failed for user 'andy' from 127.0.0.11")
                .noneMatch(line -> line.contains("Correct-Horse-7") || line.contains("Battery-Staple-8"));
    }

    private static FromAddress.Reply tasks(FromAddress from, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return from.send("GET", "/api/tasks", Map.of("Authorization", "Basic " + basic), null);
    }

    /** The sign-in form as a browser posts it: the page first, for its session and CSRF token. */
    private static FromAddress.Reply signIn(FromAddress from, String user, String password) {
        FromAddress.Reply page = from.send("GET", "/login", Map.of(), null);
        Matcher token = CSRF.matcher(page.body());
        Matcher session = SESSION.matcher(String.valueOf(page.header("Set-Cookie")));
        assertThat(token.find() && session.find()).as("the sign-in page gives a session and a token").isTrue();
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        return from.send("POST", "/login", Map.of("Cookie", session.group(1),
                "Content-Type", "application/x-www-form-urlencoded"), form);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
