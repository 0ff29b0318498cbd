package io.turnaround.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffPages;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins manage staff accounts over REST: people are created, given roles, groups and a zone, disabled (never
 * deleted), and their passwords reset; the last enabled admin stays one; every change is in the audit.
 */
class StaffAdministrationOnPostgresIT {

    private static final String PASSWORD = "a long passphrase of theirs";
    private static ConfigurableApplicationContext server;
    private static int port;
    private static Api api;

    @BeforeAll
    static void start() {
        EnginePersistence.configure();
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(
                Stream.of(PostgresDatabase.create().springArgsWithDemoData()),
                Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1")).toArray(String[]::new));
        port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
        api = new Api(port);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminAddsAPersonWhoCanSignInAndOnlyAdminsMay() {
        String nina = "{\"username\":\"nina\",\"displayName\":\"Nina New\",\"email\":\"nina@turnaround.example\","
                + "\"roles\":[\"AGENT\"],\"groups\":[\"support-desk\"],\"timeZone\":\"America/Los_Angeles\","
                + "\"password\":\"" + PASSWORD + "\"}";
        assertThat(api.post("maria", "/api/staff", nina).status()).as("a manager").isEqualTo(403);

        Api.Response created = api.post("admin", "/api/staff", nina);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("roles").toString()).isEqualTo("[\"AGENT\"]");
        assertThat(created.body().get("timeZone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(created.body().has("password")).isFalse();
        assertThat(api.request("GET", Api.basic("nina", PASSWORD), "/api/tasks", null).status()).isEqualTo(200);

        assertThat(api.post("admin", "/api/staff", nina).body().get("detail").asText()).isEqualTo("the user name nina is taken");
        Api.Response shortPassword = api.post("admin", "/api/staff", nina.replace("nina", "nora")
                .replace(PASSWORD, "too short"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.body().get("detail").asText()).isEqualTo("a password needs at least 12 characters");
        Api.Response noZone = api.post("admin", "/api/staff", nina.replace("nina", "nora")
                .replace("America/Los_Angeles", "Pacific Time"));
        assertThat(noZone.status()).isEqualTo(400);
        assertThat(noZone.body().get("detail").asText()).contains("is no IANA time zone");
        assertThat(api.get("admin", "/api/staff/nora").status()).as("nothing of a refused account is kept").isEqualTo(404);
    }

    @Test
    void rolesGroupsAndTheEnabledFlagChangeAndEachChangeIsAudited() {
        api.post("admin", "/api/staff", "{\"username\":\"olga\",\"roles\":[\"AGENT\"],\"password\":\"" + PASSWORD + "\"}");

        JsonNode changed = patch("olga", "{\"roles\":[\"AGENT\",\"MANAGER\"],\"groups\":[\"dev-team\"]}").body();
        assertThat(changed.get("roles").toString()).isEqualTo("[\"AGENT\",\"MANAGER\"]");
        assertThat(changed.get("groups").toString()).isEqualTo("[\"dev-team\"]");
        assertThat(patch("olga", "{\"enabled\":false}").body().get("enabled").asBoolean()).isFalse();
        assertThat(api.request("GET", Api.basic("olga", PASSWORD), "/api/tasks", null).status())
                .as("a disabled person cannot sign in").isEqualTo(401);
        assertThat(api.get("admin", "/api/staff").body().findValuesAsText("username")).as("nor is anyone deleted")
                .contains("olga");

        patch("olga", "{\"enabled\":true,\"password\":\"a brand new passphrase\"}");
        assertThat(api.request("GET", Api.basic("olga", PASSWORD), "/api/tasks", null).status()).isEqualTo(401);
        assertThat(api.request("GET", Api.basic("olga", "a brand new passphrase"), "/api/tasks", null).status())
                .isEqualTo(200);

        List<String> audit = new ArrayList<>();
        api.get("admin", "/api/staff/audit?username=olga").body().forEach(e -> audit.add(e.get("actor").asText() + " "
                + e.get("what").asText() + ": " + text(e.get("before")) + " -> " + text(e.get("after"))));
        assertThat(audit).containsExactly(
                "admin password: null -> reset",
                "admin enabled: false -> true",
                "admin enabled: true -> false",
                "admin groups:  -> dev-team",
                "admin roles: AGENT -> AGENT, MANAGER",
                "admin password: null -> set",
                "admin roles:  -> AGENT",
                "admin created: null -> olga");
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        Api.Response disabled = patch("admin", "{\"enabled\":false}");
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.body().get("detail").asText()).isEqualTo("admin is the last enabled admin: make someone"
                + " else an admin before disabling admin");
        assertThat(patch("admin", "{\"roles\":[\"MANAGER\"]}").status()).isEqualTo(409);

        api.post("admin", "/api/staff", "{\"username\":\"petra\",\"roles\":[\"ADMIN\"],\"password\":\"" + PASSWORD + "\"}");
        assertThat(patch("admin", "{\"roles\":[\"MANAGER\"]}").status()).as("with another admin").isEqualTo(200);
        Api.Response last = api.request("PATCH", Api.basic("petra", PASSWORD), "/api/staff/petra", "{\"enabled\":false}");
        assertThat(last.status()).isEqualTo(409);
        assertThat(api.request("PATCH", Api.basic("petra", PASSWORD), "/api/staff/admin", "{\"roles\":[\"ADMIN\"]}")
                .status()).as("admin again, for the other tests").isEqualTo(200);
    }

    @Test
    void eachPersonChangesTheirOwnPasswordOnMyAccount() {
        api.post("admin", "/api/staff", "{\"username\":\"quinn\",\"roles\":[\"ANALYST\"],\"password\":\""
                + PASSWORD + "\"}");
        StaffPages quinn = StaffPages.signIn(port, "quinn", PASSWORD);
        assertThat(quinn.get("/account")).contains("quinn").contains("ANALYST").contains("Change your password");

        HttpResponse<String> wrong = quinn.post("/account/password", "current=guess&password=quinns+new+passphrase"
                + "&repeat=quinns+new+passphrase");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("the current password does not match");
        quinn.get("/account");
        HttpResponse<String> changed = quinn.post("/account/password", "current=" + PASSWORD.replace(' ', '+')
                + "&password=quinns+new+passphrase&repeat=quinns+new+passphrase");
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(api.request("GET", Api.basic("quinn", PASSWORD), "/api/policy", null).status()).isEqualTo(401);
        assertThat(api.request("GET", Api.basic("quinn", "quinns new passphrase"), "/api/policy", null).status())
                .isEqualTo(200);
        JsonNode latest = api.get("admin", "/api/staff/audit?username=quinn&limit=1").body().get(0);
        assertThat(latest.get("actor").asText() + " " + latest.get("what").asText() + " " + latest.get("after").asText())
                .isEqualTo("quinn password changed by its owner");
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asText();
    }

    private static Api.Response patch(String username, String json) {
        return api.request("PATCH", Api.basic("admin"), "/api/staff/" + username, json);
    }
}
