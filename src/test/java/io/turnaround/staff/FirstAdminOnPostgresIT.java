package io.turnaround.staff;

import io.turnaround.TurnaroundApplication;
import io.turnaround.startup.StartupRefusedException;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffPages;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new PostgreSQL database gets its first administrator at start-up: from TURNAROUND_ADMIN_USER and
 * TURNAROUND_ADMIN_PASSWORD when they are set, otherwise through the one-time set-up link the log shows.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminOnPostgresIT {

    private static final Pattern LINK = Pattern.compile("/setup\\?token=([A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "correct horse battery";

    static {
        EnginePersistence.configure();
    }

    @Test
    void theSettingsMakeTheFirstAdminOnceAndABrokenRuleStopsTheStart() {
        PostgresDatabase database = PostgresDatabase.create();
        assertThatThrownBy(() -> start(database, "--turnaround.admin.user=ada", "--turnaround.admin.password=short"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("a password needs at least 12 characters");
        assertThatThrownBy(() -> start(database, "--turnaround.admin.user=ada"))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("Only one of TURNAROUND_ADMIN_USER and TURNAROUND_ADMIN_PASSWORD is set");

        try (ConfigurableApplicationContext server = start(database, "--turnaround.admin.user=ada",
                "--turnaround.admin.password=" + PASSWORD)) {
            Api api = new Api(portOf(server));
            assertThat(api.request("GET", Api.basic("ada", PASSWORD), "/api/policy", null).status()).isEqualTo(200);
            assertThat(server.getBean(JdbcTemplate.class).queryForList("select role from staff_role where username = 'ada'",
                    String.class)).containsExactly("ADMIN");
        }
        try (ConfigurableApplicationContext server = start(database, "--turnaround.admin.user=ada",
                "--turnaround.admin.password=another long passphrase")) {
            assertThat(new Api(portOf(server)).request("GET", Api.basic("ada", PASSWORD), "/api/policy", null).status())
                    .as("with an admin there, the settings are not read again").isEqualTo(200);
        }
    }

    @Test
    void withoutSettingsTheLogShowsALinkThatMakesTheFirstAdminOnce(CapturedOutput output) {
        PostgresDatabase database = PostgresDatabase.create();
        try (ConfigurableApplicationContext server = start(database)) {
            int port = portOf(server);
            String token = tokenIn(output.getOut());
            StaffPages visitor = StaffPages.anonymous(port);
            assertThat(visitor.response("/setup?token=" + "x".repeat(43)).statusCode())
                    .as("any other token").isEqualTo(410);
            assertThat(visitor.get("/setup?token=" + token)).contains("Create the administrator");

            HttpResponse<String> shortPassword = visitor.post("/setup", form(token, "ada", "short", "short"));
            assertThat(shortPassword.statusCode()).isEqualTo(400);
            assertThat(shortPassword.body()).contains("a password needs at least 12 characters");
            visitor.get("/setup?token=" + token);
            assertThat(visitor.post("/setup", form(token, "Ada!", PASSWORD, PASSWORD)).statusCode()).isEqualTo(400);
            visitor.get("/setup?token=" + token);
            assertThat(visitor.post("/setup", form(token, "ada", PASSWORD, PASSWORD + "x")).body())
                    .contains("the two passwords differ");

            visitor.get("/setup?token=" + token);
            HttpResponse<String> created = visitor.post("/setup", form(token, "ada", PASSWORD, PASSWORD));
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/login?setUp");
            assertThat(new Api(port).request("GET", Api.basic("ada", PASSWORD), "/api/policy", null).status()).isEqualTo(200);
            assertThat(server.getBean(JdbcTemplate.class).queryForList("select actor from staff_audit"
                    + " where username = 'ada' and what = 'created'", String.class)).containsExactly("set-up link");

            HttpResponse<String> again = visitor.response("/setup?token=" + token);
            assertThat(again.statusCode()).as("the page works only while there is no admin").isEqualTo(410);
            assertThat(again.body()).contains("has an administrator already");
            assertThat(visitor.post("/setup", form(token, "eve", PASSWORD, PASSWORD)).statusCode()).isEqualTo(410);
            assertThat(server.getBean(JdbcTemplate.class).queryForObject("select count(*) from staff_user",
                    Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void aRestartWithoutAnAdminReplacesTheLink(CapturedOutput output) {
        PostgresDatabase database = PostgresDatabase.create();
        start(database).close();
        String first = tokenIn(output.getOut());
        try (ConfigurableApplicationContext server = start(database)) {
            String second = tokenIn(output.getOut());
            assertThat(second).isNotEqualTo(first);
            StaffPages visitor = StaffPages.anonymous(portOf(server));
            HttpResponse<String> old = visitor.response("/setup?token=" + first);
            assertThat(old.statusCode()).isEqualTo(410);
            assertThat(old.body()).contains("not the latest");
            assertThat(visitor.response("/setup?token=" + second).statusCode()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(PostgresDatabase database, String... arguments) {
        return new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.of(database.springArgs(),
                new String[] {"--server.port=0", "--jbpm.quartz.start-delay=1"}, arguments).flatMap(Stream::of)
                .toArray(String[]::new));
    }

    /** The token of the latest set-up link in the log. */
    private static String tokenIn(String log) {
        Matcher link = LINK.matcher(log);
        String token = null;
        while (link.find()) {
            token = link.group(1);
        }
        assertThat(token).as("a set-up link in the log").isNotNull();
        return token;
    }

    private static String form(String token, String username, String password, String repeat) {
        return "token=" + token + "&username=" + enc(username) + "&displayName=Ada+Admin&password=" + enc(password)
                + "&repeat=" + enc(repeat);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int portOf(ConfigurableApplicationContext server) {
        return ((ServletWebServerApplicationContext) server).getWebServer().getPort();
    }

}
