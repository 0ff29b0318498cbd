package io.turnaround.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.Http;
import io.turnaround.support.Multipart;
import io.turnaround.support.PolicyFolders;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffFixtures;
import io.turnaround.ticket.TicketKey;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging time and reading hours and statements over HTTP, on PostgreSQL: months in the client's time zone, the
 * Silver plan's included hours and rate, downloads, bad input and who may do what.
 */
class HoursOnPostgresIT {

    private static final PostgresDatabase database = PostgresDatabase.create();
    private static ConfigurableApplicationContext server;
    private static Api api;
    private static int port;
    private static long silverline;
    private static String ticket;

    @BeforeAll
    static void startServer() {
        EnginePersistence.configure();
        String[] args = Arrays.copyOf(database.springArgs(), database.springArgs().length + 1);
        args[args.length - 1] = "--server.port=0";
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(args);
        port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
        api = new Api(port);
        StaffFixtures.addStaff(server, "ivy", "INTAKE");
        // The test's tickets ask for training; tickets from unknown senders wait in the support desk's queue.
        StaffFixtures.addStaff(server, "alice", "AGENT", "support-desk", "training");
        StaffFixtures.addStaff(server, "andy", "ANALYST");
        StaffFixtures.addStaff(server, "maria", "MANAGER", "support-managers");
        StaffFixtures.addClient(server, "Silverline Media", "SILVER", "PARTNER", "help@silverline.example");
        JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
        jdbc.update("update client set time_zone = 'America/New_York', licensing_fee = 400.00 where name = 'Silverline Media'");
        silverline = jdbc.queryForObject("select id from client where name = 'Silverline Media'", Long.class);
        ticket = newTicket("help@silverline.example");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String newTicket(String from) {
        Api.Response created = api.post("ivy", "/api/tickets",
                "{\"from\":\"" + from + "\",\"subject\":\"Train our editors\",\"body\":\"Two sessions please\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    private static Api.Response log(String user, String key, String json) {
        return api.post(user, "/api/tickets/" + key + "/time", json);
    }

    @Test
    void timeCountsInTheMonthItWasWorkedInTheClientsZone() {
        // New York: 23:30 on Oct 31 (EDT) is 03:30 UTC on Nov 1; 00:30 on Nov 1 is 04:30 UTC.
        Api.Response october = log("alice", ticket,
                "{\"duration\":\"PT1H\",\"kind\":\"TRAINING\",\"workedAt\":\"2026-11-01T03:30:00Z\",\"note\":\"late session\"}");
        Api.Response november = log("alice", ticket,
                "{\"minutes\":30,\"kind\":\"TRAINING\",\"workedAt\":\"2026-11-01T04:30:00Z\"}");

        assertThat(october.status()).as(october.text()).isEqualTo(201);
        assertThat(october.body().at("/month/month").asText()).isEqualTo("2026-10");
        assertThat(october.body().at("/entry/loggedBy").asText()).isEqualTo("alice");
        assertThat(october.body().at("/entry/ticket").asText()).isEqualTo(ticket);
        assertThat(november.body().at("/month/month").asText()).isEqualTo("2026-11");

        JsonNode oct = api.get("maria", "/api/clients/" + silverline + "/hours?month=2026-10").body();
        JsonNode nov = api.get("maria", "/api/clients/" + silverline + "/hours?month=2026-11").body();
        assertThat(oct.get("entries").findValuesAsText("id")).containsExactly(october.body().at("/entry/id").asText());
        assertThat(oct.at("/entries/0/workedOn").asText()).isEqualTo("2026-10-31");
        assertThat(oct.get("from").asText()).isEqualTo("2026-10-01T04:00:00Z");
        assertThat(oct.get("to").asText()).isEqualTo("2026-11-01T04:00:00Z");
        assertThat(nov.get("entries").findValuesAsText("id")).contains(november.body().at("/entry/id").asText())
                .doesNotContain(october.body().at("/entry/id").asText());
        assertThat(api.get("alice", "/api/tickets/" + ticket + "/time").body().findValuesAsText("id"))
                .contains(october.body().at("/entry/id").asText(), november.body().at("/entry/id").asText());
    }

    @Test
    void aSilverClientsSevenHoursAreFiveIncludedAndTwoBilledAtOneHundred() throws Exception {
        log("alice", ticket, "{\"duration\":\"4:00\",\"kind\":\"DEVELOPMENT\",\"workedAt\":\"2026-09-10T14:00:00Z\"}");
        Api.Response second = log("maria", ticket,
                "{\"minutes\":180,\"kind\":\"DEVELOPMENT\",\"workedAt\":\"2026-09-11T14:00:00Z\",\"note\":\"=1+1, \\\"quoted\\\"\"}");

        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.body().get("included").asText()).isEqualTo("PT1H");
        assertThat(second.body().get("billable").asText()).isEqualTo("PT2H");
        assertThat(second.body().at("/month/includedLeft").asText()).isEqualTo("PT0S");

        String client = "/api/clients/" + silverline;
        JsonNode september = api.get("maria", client + "/hours?month=2026-09").body();
        assertThat(september.get("includedUsed").asText()).isEqualTo("PT5H");
        assertThat(september.get("billable").asText()).isEqualTo("PT2H");
        assertThat(september.get("billed").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(september.at("/entries/1/rate").decimalValue()).isEqualByComparingTo("100");
        assertThat(september.at("/entries/1/amount").decimalValue()).isEqualByComparingTo("200");

        JsonNode statement = api.get("maria", client + "/statements/2026-09").body();
        assertThat(statement.get("subscription").decimalValue()).isEqualByComparingTo("2500");
        assertThat(statement.get("licensingFee").decimalValue()).isEqualByComparingTo("400");
        assertThat(statement.get("hoursAmount").decimalValue()).isEqualByComparingTo("200");
        assertThat(statement.get("total").decimalValue()).isEqualByComparingTo("3100");

        JsonNode history = api.get("maria", client + "/hours/history?from=2026-08&to=2026-11").body();
        assertThat(history.get("months").findValuesAsText("month")).containsExactly("2026-08", "2026-09", "2026-10", "2026-11");
        assertThat(history.at("/months/1/billed").decimalValue()).isEqualByComparingTo("200");

        HttpResponse<byte[]> csv = download("maria", client + "/statements/2026-09.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"statement-client-" + silverline + "-2026-09.csv\"");
        List<List<String>> rows = StatementDocumentsTest.parse(csv.body());
        assertThat(rows.stream().filter(r -> r.get(0).equals("Total")).findFirst().orElseThrow().get(10)).isEqualTo("3100.00");
        assertThat(rows.stream().filter(r -> r.get(0).equals("Entry")).map(r -> r.get(3)))
                .containsExactly("", "'=1+1, \"quoted\"");

        HttpResponse<byte[]> pdf = download("maria", client + "/statements/2026-09.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(StatementDocumentsTest.text(pdf.body())).contains("Silverline Media").contains("Total $3,100.00")
                .contains("$200.00");
    }

    @Test
    void aMistakenEntryIsWithdrawnByWhoeverLoggedItOrAManagerAndNoLongerCounts() {
        StaffFixtures.addStaff(server, "walt", "AGENT", "training");
        String july = "/api/clients/" + silverline + "/hours?month=2026-07";
        String first = log("alice", ticket, "{\"duration\":\"PT4H\",\"kind\":\"DEVELOPMENT\",\"workedAt\":\"2026-07-06T15:00:00Z\"}")
                .body().at("/entry/id").asText();
        String typo = log("alice", ticket, "{\"duration\":\"PT20H\",\"kind\":\"DEVELOPMENT\",\"workedAt\":\"2026-07-07T15:00:00Z\"}")
                .body().at("/entry/id").asText();
        assertThat(api.get("maria", july).body().get("billable").asText()).isEqualTo("PT19H");

        Api.Response byAnotherAgent = api.request("DELETE", Api.basic("walt"), "/api/tickets/" + ticket + "/time/" + typo, null);
        assertThat(byAnotherAgent.status()).as(byAnotherAgent.text()).isEqualTo(403);
        assertThat(byAnotherAgent.body().get("detail").asText()).contains("alice logged time entry " + typo);

        Api.Response withdrawn = api.request("DELETE", Api.basic("alice"),
                "/api/tickets/" + ticket + "/time/" + typo + "?reason=meant%202%20hours", null);
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(204);
        JsonNode month = api.get("maria", july).body();
        assertThat(month.get("entries").findValuesAsText("id")).containsExactly(first);
        assertThat(month.get("includedUsed").asText()).isEqualTo("PT4H");
        assertThat(month.get("billable").asText()).isEqualTo("PT0S");
        assertThat(api.get("maria", "/api/clients/" + silverline + "/statements/2026-07").body().get("hoursAmount")
                .decimalValue()).isEqualByComparingTo("0");
        assertThat(api.get("alice", "/api/tickets/" + ticket + "/time").body().findValuesAsText("id")).doesNotContain(typo);
        assertThat(api.get("alice", "/api/tickets/" + ticket).body().get("history").toString())
                .contains("TIME_LOGGED").contains("TIME_WITHDRAWN")
                .contains("entry " + typo + ": 20:00 of development worked 2026-07-07 11:00 (America/New_York), logged by"
                        + " alice; reason: meant 2 hours");

        Api.Response again = api.request("DELETE", Api.basic("maria"), "/api/tickets/" + ticket + "/time/" + typo, null);
        assertThat(again.status()).isEqualTo(404);
        Api.Response byManager = api.request("DELETE", Api.basic("maria"), "/api/tickets/" + ticket + "/time/" + first, null);
        assertThat(byManager.status()).as(byManager.text()).isEqualTo(204);
        assertThat(api.get("maria", july).body().get("entries")).isEmpty();
        assertThat(api.request("DELETE", Api.basic("andy"), "/api/tickets/" + ticket + "/time/" + first, null).status())
                .isEqualTo(403);
    }

    @Test
    void aNewRateBillsFromTheMonthItIsActivatedInWhileEarlierMonthsStayAsBilled() throws Exception {
        StaffFixtures.addStaff(server, "ada", "ADMIN");
        String silver = "/api/clients/" + silverline;
        String june = log("alice", ticket,
                "{\"duration\":\"PT7H\",\"kind\":\"DEVELOPMENT\",\"workedAt\":\"2026-06-10T15:00:00Z\"}").body().at("/entry/id").asText();
        int shipped = api.get("maria", silver + "/statements/2026-06").body().get("policyVersion").asInt();

        // The analyst raises Silver's rate to $120, with the scenario that promised $100; the admin activates it.
        Path folder = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(folder, "rules/tiers.drl", ".includedHoursPerMonth(5).hourlyRate(\"100.00\")",
                ".includedHoursPerMonth(5).hourlyRate(\"120.00\")");
        PolicyFolders.edit(folder, "rules/scenarios/hours.yaml", "rate: 100\n    amount: 200.00", "rate: 120\n    amount: 240.00");
        Multipart change = new Multipart().field("description", "Silver extra hours at $120")
                .file("files", "tiers.drl", Files.readString(folder.resolve("rules/tiers.drl")))
                .file("files", "hours.yaml", Files.readString(folder.resolve("rules/scenarios/hours.yaml")));
        JsonNode draft = api.post("andy", "/api/policy/versions", change.bytes(), change.contentType()).body();
        int raised = draft.at("/version/number").asInt();
        assertThat(draft.at("/version/state").asText()).as(draft.toString()).isEqualTo("DRAFT");
        assertThat(api.post("ada", "/api/policy/versions/" + raised + "/activation", "{}").status()).isEqualTo(200);
        try {
            String now = log("alice", ticket, "{\"duration\":\"PT1H\",\"kind\":\"DEVELOPMENT\"}").body().at("/entry/id").asText();

            JsonNode juneStatement = api.get("maria", silver + "/statements/2026-06").body();
            assertThat(juneStatement.get("policyVersion").asInt()).isEqualTo(shipped);
            assertThat(juneStatement.get("hoursAmount").decimalValue()).isEqualByComparingTo("200.00");
            JsonNode current = api.get("maria", silver + "/hours").body();
            assertThat(current.get("policyVersion").asInt()).isEqualTo(raised);
            assertThat(entry(current, now).get("rate").decimalValue()).isEqualByComparingTo("120.00");
            assertThat(entry(api.get("maria", silver + "/hours?month=2026-06").body(), june).get("rate").decimalValue())
                    .isEqualByComparingTo("100.00");
        } finally {
            assertThat(api.post("ada", "/api/policy/rollback", null).status()).isEqualTo(200);
        }
    }

    private static JsonNode entry(JsonNode month, String id) {
        for (JsonNode e : month.get("entries")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + id + " in " + month);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
        {"duration":"abc","kind":"TRAINING"}                           | duration
        {"duration":"PT25H","kind":"TRAINING"}                         | duration
        {"duration":"PT90S","kind":"TRAINING"}                         | duration
        {"kind":"TRAINING"}                                            | duration
        {"minutes":0,"kind":"TRAINING"}                                | minutes
        {"minutes":30,"duration":"PT30M","kind":"TRAINING"}            | minutes
        {"minutes":"many","kind":"TRAINING"}                           | minutes
        {"minutes":1.5,"kind":"TRAINING"}                              | minutes
        {"minutes":30}                                                 | kind
        {"minutes":30,"kind":"SLEEPING"}                               | kind
        {"minutes":30,"kind":"TRAINING","workedAt":"yesterday"}        | workedAt
        {"minutes":30,"kind":"TRAINING","workedAt":"2999-01-01T00:00:00Z"} | workedAt
        {"minutes":30,"kind":"TRAINING","colour":"red"}                | colour
        {"minutes":30,"kind":"CUSTOM_WORK","quoteId":999}              | quoteId
        {"minutes":30,"kind":"CUSTOM_WORK","taskId":-1}                | taskId
        """)
    void badTimeIsA400NamingTheFieldAndNothingIsLogged(String json, String field) {
        int before = api.get("alice", "/api/tickets/" + ticket + "/time").body().size();

        Api.Response response = log("alice", ticket, json);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(api.get("alice", "/api/tickets/" + ticket + "/time").body().size()).isEqualTo(before);
    }

    @Test
    void timeIsLoggedAgainstTheTicketsOwnQuotesOnly() {
        String other = newTicket("help@silverline.example");
        JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
        long quote = jdbc.queryForObject("insert into quote (ticket_id, process_instance_id, state, description,"
                + " work_minutes, included_minutes, billable_minutes, hourly_rate, amount, policy_version, created_at,"
                + " expires_at) values (?, -1, 'ACCEPTED', 'another ticket''s work', 60, 0, 60, 100, 100, 1,"
                + " current_timestamp, current_timestamp) returning id", Long.class, TicketKey.idOf(other));
        int before = api.get("alice", "/api/tickets/" + ticket + "/time").body().size();

        Api.Response elsewhere = log("alice", ticket, "{\"minutes\":30,\"kind\":\"CUSTOM_WORK\",\"quoteId\":" + quote + "}");

        assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(400);
        assertThat(elsewhere.body().at("/errors/0/message").asText()).contains("not a quote of " + ticket);
        assertThat(api.get("alice", "/api/tickets/" + ticket + "/time").body().size()).isEqualTo(before);
        assertThat(log("alice", other, "{\"minutes\":30,\"kind\":\"CUSTOM_WORK\",\"quoteId\":" + quote + "}")
                .status()).isEqualTo(201);
    }

    @Test
    void longNotesUnknownTicketsTicketsInTriageAndBadMonthsAreRefusedClearly() {
        String longNote = "x".repeat(1001);
        assertThat(log("alice", ticket, "{\"minutes\":5,\"kind\":\"TRAINING\",\"note\":\"" + longNote + "\"}")
                .body().at("/errors/0/field").asText()).isEqualTo("note");
        assertThat(log("alice", "TCK-999999", "{\"minutes\":5,\"kind\":\"TRAINING\"}").status()).isEqualTo(404);
        Api.Response triage = log("alice", newTicket("stranger@nowhere.example"), "{\"minutes\":5,\"kind\":\"TRAINING\"}");
        assertThat(triage.status()).isEqualTo(409);
        assertThat(triage.body().get("detail").asText()).contains("no client yet");

        String client = "/api/clients/" + silverline;
        assertThat(api.get("maria", client + "/hours?month=2026-13").body().at("/errors/0/field").asText()).isEqualTo("month");
        assertThat(api.get("maria", client + "/hours?month=1999-12").body().at("/errors/0/field").asText()).isEqualTo("month");
        assertThat(api.get("maria", client + "/statements/november").status()).isEqualTo(400);
        assertThat(api.get("maria", client + "/statements/2026-13.csv").status()).isEqualTo(400);
        assertThat(api.get("maria", client + "/hours/history?from=2026-11&to=2026-01").body().at("/errors/0/field").asText())
                .isEqualTo("from");
        assertThat(api.get("maria", client + "/hours/history?from=2000-01&to=2026-01").status()).isEqualTo(400);
        assertThat(api.get("maria", "/api/clients/999999/statements/2026-09").status()).isEqualTo(404);
    }

    @Test
    void agentsLogTimeButOnlyManagersAndAdminsSeeTheMoney() throws Exception {
        String client = "/api/clients/" + silverline;
        assertThat(log("andy", ticket, "{\"minutes\":5,\"kind\":\"TRAINING\"}").status()).as("analysts log no time").isEqualTo(403);
        assertThat(api.get("andy", "/api/tickets/" + ticket + "/time").status()).isEqualTo(200);
        for (String path : List.of(client + "/hours", client + "/hours/history", client + "/statements/2026-09")) {
            assertThat(api.get("alice", path).status()).as("agent " + path).isEqualTo(403);
            assertThat(api.get(null, path).status()).as("nobody " + path).isEqualTo(401);
            assertThat(api.get("maria", path).status()).as("manager " + path).isEqualTo(200);
        }
        assertThat(download("alice", client + "/statements/2026-09.pdf").statusCode()).isEqualTo(403);
        assertThat(download(null, client + "/statements/2026-09.csv").statusCode()).isEqualTo(401);
        assertThat(log(null, ticket, "{\"minutes\":5,\"kind\":\"TRAINING\"}").status()).isEqualTo(401);
    }

    private static HttpResponse<byte[]> download(String user, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", Api.basic(user));
        }
        return Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
