package io.turnaround.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.DemoServer;
import io.turnaround.support.PolicyFolders;
import io.turnaround.support.StaffPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins manage staff accounts over REST and on the Staff pages: people are created, given roles, groups and a zone,
 * disabled (never deleted), and their passwords reset; the last enabled admin stays one; every change is in the
 * audit. Each group shows its members and the policy's use of it, and a group with work but nobody is warned of.
 */
class StaffAdministrationOnPostgresIT {

    private static final String PASSWORD = "a long passphrase of theirs";
    private static ConfigurableApplicationContext server;
    private static int port;
    private static Api api;

    @BeforeAll
    static void start() {
        server = DemoServer.startOnPostgres();
        port = DemoServer.port(server);
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

    @Test
    void groupsShowTheirMembersAndAVersionSendingWorkToAnEmptyGroupIsWarnedOf() {
        JsonNode groups = api.get("maria", "/api/groups").body();
        JsonNode onCall = group(groups, "on-call");
        assertThat(onCall.get("members").toString()).isEqualTo("[\"dave\",\"hana\"]");
        assertThat(onCall.get("usedBy").toString()).isEqualTo("[\"rules/escalations.drl\"]");
        assertThat(onCall.get("warning").isNull()).isTrue();
        assertThat(api.get("alice", "/api/groups").status()).as("an agent").isEqualTo(403);

        Path folder = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(folder, "rules/escalations.drl", "notifyGroup(\"on-call\")", "notifyGroup(\"night-shift\")");
        JsonNode report = api.post("andy", "/api/policy/versions?description=Night+shift", PolicyFolders.zip(folder),
                "application/zip").body();
        String warning = "group night-shift has no enabled member: its tasks would wait unseen (the policy sends it"
                + " work in rules/escalations.drl)";
        assertThat(report.get("warnings").toString()).isEqualTo("[\"" + warning + "\"]");
        assertThat(report.get("detail").asText()).endsWith("; warning: " + warning);
        int version = report.at("/version/number").asInt();
        StaffPages admin = StaffPages.signIn(port, "admin");
        assertThat(admin.get("/policy/versions/" + version)).contains("<li>" + warning + "</li>");

        api.post("admin", "/api/staff", "{\"username\":\"rosa\",\"roles\":[\"AGENT\"],\"groups\":[\"night-shift\"],"
                + "\"password\":\"" + PASSWORD + "\"}");
        assertThat(admin.get("/policy/versions/" + version)).doesNotContain("<li>" + warning);
        patch("rosa", "{\"enabled\":false}");
        assertThat(admin.get("/policy/versions/" + version)).as("a disabled member does no work")
                .contains("<li>" + warning + "</li>");
        assertThat(group(api.get("admin", "/api/groups").body(), "night-shift").toString())
                .as("the active version does not use it: no warning")
                .isEqualTo("{\"name\":\"night-shift\",\"members\":[],\"usedBy\":[],\"warning\":null}");
    }

    @Test
    void anAdminManagesStaffOnTheStaffPagesAndARefusedFormKeepsWhatWasTyped() {
        StaffPages admin = StaffPages.signIn(port, "admin");
        String list = admin.get("/staff");
        assertThat(list).contains("Add a member of staff").contains(">maria<").contains("rules/routing.drl");
        assertThat(StaffPages.signIn(port, "maria").response("/staff").statusCode()).as("a manager")
                .isIn(302, 403);

        HttpResponse<String> refused = admin.post("/staff", "username=stella&displayName=Stella+Support&roles=AGENT"
                + "&groups=support-desk&timeZone=America%2FLos_Angeles&password=short");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Not saved: a password needs at least 12 characters.")
                .contains("value=\"stella\"").contains("value=\"Stella Support\"").contains("value=\"support-desk\"")
                .doesNotContain("value=\"short\"");

        admin.get("/staff");
        HttpResponse<String> added = admin.post("/staff", "username=stella&displayName=Stella+Support&roles=AGENT"
                + "&groups=support-desk&timeZone=America%2FLos_Angeles&password=" + PASSWORD.replace(' ', '+'));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("/staff/stella");
        assertThat(admin.get("/staff/stella")).contains("Stella Support (stella)").contains("can sign in now");

        HttpResponse<String> changed = admin.post("/staff/stella", "displayName=Stella+Support&email=stella%40turnaround.example"
                + "&roles=AGENT&roles=MANAGER&groups=support-desk%2C+dev-team&timeZone=Europe%2FLondon&enabled=true");
        assertThat(changed.statusCode()).isEqualTo(302);
        JsonNode stella = api.get("admin", "/api/staff/stella").body();
        assertThat(stella.get("roles").toString()).isEqualTo("[\"AGENT\",\"MANAGER\"]");
        assertThat(stella.get("groups").toString()).isEqualTo("[\"dev-team\",\"support-desk\"]");
        assertThat(stella.get("timeZone").asText()).isEqualTo("Europe/London");

        admin.get("/staff/stella");
        HttpResponse<String> noRole = admin.post("/staff/stella", "displayName=Stella+Support&groups=&timeZone=&enabled=true");
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(noRole.body()).contains("a member of staff needs at least one role: disable the account instead");
        HttpResponse<String> differ = admin.post("/staff/stella/password", "password=a+new+passphrase+one"
                + "&repeat=a+new+passphrase+two");
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(differ.body()).contains("the two passwords differ");
        assertThat(admin.post("/staff/stella/password", "password=a+new+passphrase+one&repeat=a+new+passphrase+one")
                .statusCode()).isEqualTo(302);
        assertThat(api.request("GET", Api.basic("stella", "a new passphrase one"), "/api/tasks", null).status())
                .isEqualTo(200);

        String audit = admin.get("/staff/audit");
        assertThat(audit).contains("Staff audit").contains("Europe/London").contains("AGENT, MANAGER")
                .contains(">reset<");
    }

    private static JsonNode group(JsonNode groups, String name) {
        for (JsonNode group : groups) {
            if (group.get("name").asText().equals(name)) {
                return group;
            }
        }
        return null;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asText();
    }

    private static Api.Response patch(String username, String json) {
        return api.request("PATCH", Api.basic("admin"), "/api/staff/" + username, json);
    }
}
