package io.turnaround.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.staff.Staff;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import io.turnaround.support.StaffFixtures;
import io.turnaround.support.StaffPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may write to a ticket, over the API and from the ticket page, on the demo data: a Platinum emergency sits in
 * hana's hosting-liaison queue; tess (training) reads it but may not write to it, maria (manager) may, and an INTAKE
 * token may create tickets but write to none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:ticketperm;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class TicketPermissionsIT extends ServerTestBase {

    private static final String HOSTING_REFUSAL = "is in the hosting-liaison queue; you are not in that group and hold"
            + " none of its tasks";
    private static String intakeToken;

    @Autowired
    ApplicationContext context;
    @Autowired
    TicketPermissions permissions;

    /** A write, as the API takes it; {@code {entry}} is a time entry hana logged. What it leaves in the history. */
    enum Write {
        WAIT("POST", "/waiting", "{\"on\":\"CUSTOMER\"}", "WAITING"),
        STOP_WAITING("DELETE", "/waiting", null, "WAITING_ENDED"),
        NOTE("POST", "/notes", "{\"body\":\"Partner called back.\"}", "NOTE_ADDED"),
        REPLY("POST", "/replies", "{\"body\":\"We are on it.\"}", "REPLY_QUEUED"),
        CATEGORY("POST", "/category", "{\"category\":\"NON_EMERGENCY\"}", "CATEGORY_CORRECTED"),
        LOG_TIME("POST", "/time", "{\"minutes\":30,\"kind\":\"DEVELOPMENT\"}", "TIME_LOGGED"),
        WITHDRAW_TIME("DELETE", "/time/{entry}", null, "TIME_WITHDRAWN");

        final String method;
        final String path;
        final String body;
        final String event;

        Write(String method, String path, String body, String event) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.event = event;
        }
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # write       | actor  | status | the 403's detail
            WAIT          | hana   | 200    |
            WAIT          | tess   | 403    | is in the hosting-liaison queue; you are not in that group
            WAIT          | maria  | 200    |
            WAIT          | intake | 403    | your role does not allow this
            STOP_WAITING  | hana   | 200    |
            STOP_WAITING  | tess   | 403    | is in the hosting-liaison queue; you are not in that group
            STOP_WAITING  | maria  | 200    |
            STOP_WAITING  | intake | 403    | your role does not allow this
            NOTE          | hana   | 201    |
            NOTE          | tess   | 403    | is in the hosting-liaison queue; you are not in that group
            NOTE          | maria  | 201    |
            NOTE          | intake | 403    | your role does not allow this
            REPLY         | hana   | 201    |
            REPLY         | tess   | 403    | is in the hosting-liaison queue; you are not in that group
            REPLY         | maria  | 201    |
            REPLY         | intake | 403    | your role does not allow this
            CATEGORY      | hana   | 200    |
            CATEGORY      | tess   | 403    | is in the hosting-liaison queue; you are not in that group
            CATEGORY      | maria  | 200    |
            CATEGORY      | intake | 403    | your role does not allow this
            LOG_TIME      | hana   | 201    |
            LOG_TIME      | tess   | 403    | is in the hosting-liaison queue; you are not in that group
            LOG_TIME      | maria  | 201    |
            LOG_TIME      | intake | 403    | your role does not allow this
            WITHDRAW_TIME | hana   | 204    |
            WITHDRAW_TIME | tess   | 403    | is in the hosting-liaison queue; you are not in that group
            WITHDRAW_TIME | maria  | 204    |
            WITHDRAW_TIME | intake | 403    | your role does not allow this
            """)
    void onlyTheTicketsQueueAndManagersWriteToIt(Write write, String actor, int status, String refusal) {
        String key = platinumEmergency();
        if (write == Write.STOP_WAITING) {
            assertThat(api.post("maria", "/api/tickets/" + key + "/waiting", "{\"on\":\"CUSTOMER\"}").status()).isEqualTo(200);
        }
        String entry = write != Write.WITHDRAW_TIME ? "" : api.post("hana", "/api/tickets/" + key + "/time",
                "{\"minutes\":15,\"kind\":\"DEVELOPMENT\"}").body().at("/entry/id").asText();
        long before = count(key, write.event);

        Api.Response response = api.request(write.method, authorization(actor),
                "/api/tickets/" + key + write.path.replace("{entry}", entry), write.body);

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.body().get("detail").asText()).contains(refusal);
            assertThat(count(key, write.event)).as("a refused write changes nothing").isEqualTo(before);
        } else {
            assertThat(count(key, write.event)).isEqualTo(before + 1);
            assertThat(actorOfLast(key, write.event)).isEqualTo(actor);
        }
    }

    @ParameterizedTest(name = "triage by {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            alice  | 200 |
            dave   | 200 |
            hana   | 403 | waits for triage in the support-desk queue; you are not in that group
            tess   | 403 | waits for triage in the support-desk queue; you are not in that group
            maria  | 200 |
            intake | 403 | your role does not allow this
            """)
    void ticketsWaitingForTriageBelongToTheSupportDesk(String actor, int status, String refusal) {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"stranger@nowhere.example\",\"subject\":\"Site is"
                + " down\",\"body\":\"ours\"}").body().get("key").asText();

        Api.Response response = api.request("POST", authorization(actor), "/api/tickets/" + key + "/triage",
                "{\"clientId\":" + clientId("Platina Streams") + "}");

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.body().get("detail").asText()).contains(refusal);
            assertThat(api.get("maria", "/api/tickets/" + key).body().get("status").asText()).isEqualTo("TRIAGE");
        } else {
            assertThat(response.body().get("route").asText()).isEqualTo("HOSTING_PARTNER");
            assertThat(api.post("alice", "/api/tickets/" + key + "/notes", "{\"body\":\"Triaged it.\"}").status())
                    .as("the support desk triaged it: it was in their queue").isEqualTo(201);
        }
    }

    @ParameterizedTest(name = "{1}, who {0} its task")
    @CsvSource(delimiter = '|', textBlock = """
            claimed                   | paula
            was assigned by a manager | peter
            was handed by a colleague | petra
            """)
    void whoeverHeldATaskOfTheTicketBeforeItMovedMayStillWriteToIt(String how, String paula) {
        StaffFixtures.addStaff(context, paula, "AGENT", "support-desk");
        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user"
                + " cannot log in\",\"body\":\"since noon\"}").body().get("key").asText();
        long task = taskOf("alice", key);
        Api.Response held = switch (how) {
            case "claimed" -> api.post(paula, "/api/tasks/" + task + "/claim", null);
            case "was assigned by a manager" -> api.post("maria", "/api/tasks/" + task + "/delegate", "{\"to\":\"" + paula + "\"}");
            default -> api.post("alice", "/api/tasks/" + task + "/delegate", "{\"to\":\"" + paula + "\"}");
        };
        assertThat(held.body().get("assignee").asText()).as(held.text()).isEqualTo(paula);
        assertThat(api.post("maria", "/api/tickets/" + key + "/category", "{\"category\":\"EMERGENCY\"}").body()
                .get("candidateGroup").asText()).isEqualTo("hosting-liaison");
        // She moves to the training team: only having held the task keeps her on the ticket.
        jdbc.update("update staff_group set group_name = 'training' where username = ?", paula);

        assertThat(api.post(paula, "/api/tickets/" + key + "/notes", "{\"body\":\"Handing over.\"}").status()).isEqualTo(201);
        assertThat(api.post("alice", "/api/tickets/" + key + "/notes", "{\"body\":\"It was ours.\"}").status())
                .as("a queue it was in").isEqualTo(201);
        Api.Response tess = api.post("tess", "/api/tickets/" + key + "/notes", "{\"body\":\"x\"}");
        assertThat(tess.status()).isEqualTo(403);
        assertThat(tess.body().get("detail").asText()).isEqualTo("ticket " + key + " is in the hosting-liaison queue"
                + " (before: support-desk); you are in none of those groups and hold none of its tasks, nor held one");
    }

    @Test
    void theSecondWallRefusesEveryRoleButAgentsManagersAndAdminsWhateverTheirGroups() {
        Ticket ticket = permissions.requireWrite(platinumEmergency(), new Staff("hana", Set.of("AGENT"),
                Set.of("hosting-liaison")));

        assertThat(permissions.refusal(ticket, new Staff("gateway", Set.of("INTAKE"), Set.of("hosting-liaison"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("your role (INTAKE) writes to no ticket"));
        assertThat(permissions.mayWrite(ticket, new Staff("andy", Set.of("ANALYST"), Set.of("hosting-liaison")))).isFalse();
        assertThat(permissions.mayWrite(ticket, new Staff("admin", Set.of("ADMIN"), Set.of()))).isTrue();
        assertThat(permissions.mayWrite(ticket, new Staff("maria", Set.of("MANAGER"), Set.of()))).isTrue();
    }

    @Test
    void theTicketPageOffersNoFormsToAReaderAndARefusedFormPostShowsNotAllowed() {
        String key = platinumEmergency();
        String entry = api.post("hana", "/api/tickets/" + key + "/time", "{\"minutes\":15,\"kind\":\"DEVELOPMENT\"}")
                .body().at("/entry/id").asText();
        StaffPages tess = StaffPages.signIn(port, "tess");

        String page = tess.get("/tickets/" + key);
        assertThat(page).contains("You may read this ticket but not write to it: ticket " + key + " " + HOSTING_REFUSAL)
                .doesNotContain("/tickets/" + key + "/notes", "/tickets/" + key + "/replies", "/tickets/" + key + "/category",
                        "/tickets/" + key + "/waiting", "/tickets/" + key + "/time", "Withdraw");
        assertThat(StaffPages.signIn(port, "hana").get("/tickets/" + key)).doesNotContain("You may read this ticket")
                .contains("/tickets/" + key + "/notes", "/tickets/" + key + "/waiting", "/tickets/" + key + "/time",
                        "/tickets/" + key + "/time/" + entry + "/withdrawal");

        for (String[] post : new String[][] {{"/notes", "body=Forged"}, {"/waiting", "on=CUSTOMER"},
                {"/category", "category=NON_EMERGENCY"}, {"/time", "duration=1:00&kind=TRAINING"},
                {"/time/" + entry + "/withdrawal", "reason=forged"}}) {
            HttpResponse<String> refused = tess.post("/tickets/" + key + post[0], post[1]);
            assertThat(refused.statusCode()).as(post[0]).isEqualTo(403);
            assertThat(refused.body()).as(post[0]).contains("<h1>Not allowed</h1>").contains(HOSTING_REFUSAL);
        }
        JsonNode ticket = api.get("maria", "/api/tickets/" + key).body();
        assertThat(ticket.get("history").findValuesAsText("actor")).doesNotContain("tess");
        assertThat(ticket.get("category").asText()).isEqualTo("EMERGENCY");
    }

    @Test
    void aForgedEstimateShowsNotAllowedWhetherTheTicketOrItsTaskRefuses() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user"
                + " cannot log in\",\"body\":\"since noon\"}").body().get("key").asText();
        // Moved from the support desk to sales: alice may still write to the ticket, but the estimate is sales' task.
        assertThat(api.post("maria", "/api/tickets/" + key + "/category", "{\"category\":\"CUSTOM_WORK\"}").body()
                .get("route").asText()).isEqualTo("CUSTOM_QUOTE");
        String estimate = "taskId=" + taskOf("sam", key) + "&hours=3&description=A+new+report";

        StaffPages tess = StaffPages.signIn(port, "tess");
        assertThat(tess.get("/tickets/" + key)).doesNotContain("Price and send the quote");
        HttpResponse<String> byTess = tess.post("/tickets/" + key + "/quotes/estimate", estimate);
        assertThat(byTess.statusCode()).isEqualTo(403);
        assertThat(byTess.body()).contains("<h1>Not allowed</h1>").contains("is in the sales queue (before: support-desk)");
        StaffPages alice = StaffPages.signIn(port, "alice");
        assertThat(alice.get("/tickets/" + key)).doesNotContain("Price and send the quote");
        HttpResponse<String> byAlice = alice.post("/tickets/" + key + "/quotes/estimate", estimate);
        assertThat(byAlice.statusCode()).as("the ticket lets her write; its task does not").isEqualTo(403);
        assertThat(byAlice.body()).contains("<h1>Not allowed</h1>");
        assertThat(api.get("sam", "/api/tickets/" + key + "/quotes").body()).isEmpty();
    }

    private String platinumEmergency() {
        Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"cto@platina.example\","
                + "\"subject\":\"Site is down for everyone\",\"body\":\"Nothing loads\"}");
        assertThat(created.body().get("candidateGroup").asText()).isEqualTo("hosting-liaison");
        return created.body().get("key").asText();
    }

    /** Basic sign-in for people; the intake account writes as programs do, with an API token. */
    private String authorization(String actor) {
        if (!"intake".equals(actor)) {
            return Api.basic(actor);
        }
        if (intakeToken == null) {
            intakeToken = api.post("intake", "/api/tokens", "{\"name\":\"mail gateway\"}").body().get("token").asText();
        }
        return Api.bearer(intakeToken);
    }

    private long count(String key, String event) {
        return jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ? and event = ?", Long.class,
                TicketKey.idOf(key), event);
    }

    private String actorOfLast(String key, String event) {
        return jdbc.queryForObject("select actor from ticket_history where ticket_id = ? and event = ? order by id desc"
                + " fetch first 1 rows only", String.class, TicketKey.idOf(key), event);
    }

    private long clientId(String name) {
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    private long taskOf(String user, String ticketKey) {
        for (JsonNode task : api.get(user, "/api/tasks").body()) {
            if (ticketKey.equals(task.get("ticketKey").asText())) {
                return task.get("id").asLong();
            }
        }
        throw new AssertionError("no task of " + ticketKey + " for " + user);
    }
}
