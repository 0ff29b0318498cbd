package io.turnaround.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API on the embedded database with its demo data: contracts, bad input and permissions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:api;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                // Fixed moments long past make the promised due instants exact; intake takes them only if told to.
                "turnaround.intake.received-at-max-age=P3650D"})
class TicketApiIT extends ServerTestBase {

    @Test
    void theDryRunAndACreatedTicketAgree() {
        String receivedAt = "2026-11-20T17:00:00-08:00";
        JsonNode dryRun = api.post("andy", "/api/policy/decisions", "{\"tier\":\"GOLD\",\"hosting\":\"PARTNER\","
                + "\"subject\":\"A payout failed\",\"body\":\"for one model\",\"receivedAt\":\"" + receivedAt + "\"}").body();
        JsonNode ticket = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\","
                + "\"subject\":\"A payout failed\",\"body\":\"for one model\",\"receivedAt\":\"" + receivedAt + "\"}").body();

        for (String field : new String[] {"category", "route", "slaTarget", "slaClock", "slaDueAt", "policyVersion"}) {
            assertThat(ticket.get(field)).as(field).isEqualTo(dryRun.get(field));
        }
        assertThat(dryRun.get("candidateGroup").asText()).isEqualTo(ticket.get("candidateGroup").asText()).isEqualTo("support-desk");
        assertThat(dryRun.get("slaDueAt").asText()).isEqualTo("2026-11-24T17:00:00Z");

        JsonNode why = dryRun.get("explanation");
        assertThat(api.get("alice", "/api/tickets/" + ticket.get("key").asText()).body().get("explanation"))
                .as("the ticket keeps the explanation of its decision").isEqualTo(why);
        assertThat(why.get("dueArithmetic").asText())
                .isEqualTo("12 business hours from Fri 20 Nov 17:00 PST: Fri 1 h, Mon 10 h, Tue 1 h → Tue 24 Nov 09:00 PST");
        assertThat(why.get("calendar").asText()).startsWith("America/Los_Angeles");
        assertThat(why.get("rules").findValuesAsText("rule"))
                .contains("Non-emergency: one user or one function is affected");
    }

    @Test
    void aPossibleEmergencyIsMarkedUntilSomeoneLooksOrItIsReDecided() {
        String checkout = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Checkout"
                + " is down\",\"body\":\"since noon\"}").body().get("key").asText();
        JsonNode ticket = api.get("alice", "/api/tickets/" + checkout).body();
        assertThat(ticket.get("category").asText()).isEqualTo("NON_EMERGENCY");
        assertThat(ticket.get("possibleEmergency").asBoolean()).isTrue();

        assertThat(api.post("andy", "/api/tickets/" + checkout + "/not-an-emergency", null).status()).isEqualTo(403);
        Api.Response looked = api.post("alice", "/api/tickets/" + checkout + "/not-an-emergency", null);
        assertThat(looked.status()).as(looked.text()).isEqualTo(200);
        assertThat(looked.body().get("possibleEmergencySeenBy").asText()).isEqualTo("alice");
        assertThat(looked.body().get("category").asText()).as("the decision stands").isEqualTo("NON_EMERGENCY");
        assertThat(looked.body().get("history").findValuesAsText("event")).contains("NOT_AN_EMERGENCY");
        Api.Response again = api.post("alice", "/api/tickets/" + checkout + "/not-an-emergency", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("was already looked at by alice");

        String search = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Search"
                + " is down\",\"body\":\"nothing comes back\"}").body().get("key").asText();
        JsonNode emergency = api.post("alice", "/api/tickets/" + search + "/category", "{\"category\":\"EMERGENCY\"}")
                .body();
        assertThat(emergency.get("possibleEmergency").asBoolean()).as("the staff's decision is no possible one").isFalse();
        assertThat(api.post("alice", "/api/tickets/" + search + "/not-an-emergency", null).text())
                .contains("is not a possible emergency waiting to be looked at");
    }

    @Test
    void anEmergencySaysWhichRuleMadeItAndWhatItMatched() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Help\","
                + "\"body\":\"None of our members can log in since noon.\"}").body().get("key").asText();

        JsonNode rules = api.get("alice", "/api/tickets/" + key).body().get("explanation").get("rules");
        JsonNode category = null;
        for (JsonNode step : rules) {
            if (step.get("decided").toString().contains("category EMERGENCY")) {
                category = step;
            }
        }
        assertThat(category).as(rules.toString()).isNotNull();
        assertThat(category.get("rule").asText()).isEqualTo("Emergency: nobody can do what everyone does");
        assertThat(category.get("matched").toString()).isEqualTo("[{\"words\":\"none of\",\"field\":\"body\"},"
                + "{\"words\":\"can log in\",\"field\":\"body\"}]");
    }

    @Test
    void unknownSenderGetsATicketWaitingForTriage() {
        Api.Response created = api.post("intake", "/api/tickets",
                "{\"from\":\"stranger@nowhere.example\",\"subject\":\"Site down\",\"body\":\"help\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("TRIAGE");
        assertThat(api.get("alice", "/api/tickets?status=TRIAGE").body().toString()).contains(created.body().get("key").asText());
    }

    @Test
    void aTriagedTicketIsDecidedFromWhenItWasReceivedAndItsSenderIsKnownNextTime() {
        String stranger = "new.person@goldcrest.example";
        String key = api.post("intake", "/api/tickets", "{\"from\":\"" + stranger + "\",\"subject\":\"Login fails\","
                + "\"body\":\"for me\",\"receivedAt\":\"2026-11-20T17:00:00-08:00\"}").body().get("key").asText();
        long goldcrest = jdbc.queryForObject("select id from client where name = 'Goldcrest Live'", Long.class);

        assertThat(api.post("andy", "/api/tickets/" + key + "/triage", "{\"clientId\":" + goldcrest + "}").status())
                .as("analysts read tickets but do not triage them").isEqualTo(403);
        Api.Response unknown = api.post("alice", "/api/tickets/" + key + "/triage", "{\"clientId\":999999}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("clientId");

        Api.Response triaged = api.post("alice", "/api/tickets/" + key + "/triage",
                "{\"clientId\":" + goldcrest + ",\"addSenderAsContact\":true}");
        assertThat(triaged.status()).as(triaged.text()).isEqualTo(200);
        assertThat(triaged.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(triaged.body().get("route").asText()).isEqualTo("SUPPORT_DESK");
        assertThat(triaged.body().get("slaDueAt").asText()).isEqualTo("2026-11-24T17:00:00Z");
        assertThat(triaged.body().get("history").findValuesAsText("event"))
                .containsSubsequence("RECEIVED", "TRIAGED", "TASK_CREATED", "DECIDED");
        assertThat(api.get("alice", "/api/tasks?group=support-desk").text()).contains(key);

        assertThat(api.post("alice", "/api/tickets/" + key + "/triage", "{\"clientId\":" + goldcrest + "}").status())
                .as("already triaged").isEqualTo(409);
        assertThat(api.post("intake", "/api/tickets", "{\"from\":\"" + stranger + "\",\"subject\":\"Again\",\"body\":\"b\"}")
                .body().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aReplyIsStoredAndQueuedForTheSenderAndANoteStaysInside() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"help@silverline.example\",\"subject\":\"Export\","
                + "\"body\":\"fails\"}").body().get("key").asText();

        Api.Response reply = api.post("alice", "/api/tickets/" + key + "/replies", "{\"body\":\"We are on it.\"}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("mailStatus").asText()).isEqualTo("QUEUED");
        assertThat(api.post("alice", "/api/tickets/" + key + "/notes", "{\"body\":\"Known bug #12\"}").status()).isEqualTo(201);
        assertThat(api.post("andy", "/api/tickets/" + key + "/notes", "{\"body\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.post("alice", "/api/tickets/" + key + "/replies", "{\"body\":\" \"}").status()).isEqualTo(400);

        assertThat(jdbc.queryForList("select recipient || ' ' || subject || ' ' || status from outbound_mail o"
                + " join ticket_message m on m.id = o.message_id where m.body = 'We are on it.'", String.class))
                .containsExactly("help@silverline.example [" + key + "] Re: Export QUEUED");
        assertThat(api.get("alice", "/api/tickets/" + key).body().get("history").findValuesAsText("event"))
                .containsSubsequence("REPLY_QUEUED", "NOTE_ADDED");
    }

    @Test
    void aTaskIsHandedOnlyToAMemberOfItsGroupAndTheHandOverStopsTheSla() {
        String desk = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Login\","
                + "\"body\":\"fails\"}").body().get("key").asText();
        String hosting = api.post("intake", "/api/tickets", "{\"from\":\"cto@platina.example\",\"subject\":\"Site is down\","
                + "\"body\":\"all\"}").body().get("key").asText();
        long deskTask = taskOf("alice", desk);
        long hostingTask = taskOf("hana", hosting);

        Api.Response notMember = api.post("dave", "/api/tasks/" + deskTask + "/delegate", "{\"to\":\"hana\"}");
        assertThat(notMember.status()).isEqualTo(409);
        assertThat(notMember.body().get("detail").asText()).contains("hana is not a member of support-desk");
        assertThat(api.post("alice", "/api/tasks/" + hostingTask + "/delegate", "{\"to\":\"hana\"}").status())
                .as("another group's task").isEqualTo(403);

        Api.Response handed = api.post("dave", "/api/tasks/" + deskTask + "/delegate", "{\"to\":\"alice\"}");
        assertThat(handed.status()).as(handed.text()).isEqualTo(200);
        assertThat(handed.body().get("assignee").asText()).isEqualTo("alice");
        JsonNode ticket = api.get("alice", "/api/tickets/" + desk).body();
        assertThat(ticket.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(ticket.get("slaOutcome").asText()).isEqualTo("MET");

        Api.Response byManager = api.post("maria", "/api/tasks/" + hostingTask + "/delegate", "{\"to\":\"hana\"}");
        assertThat(byManager.status()).as("managers hand any task to its group's members").isEqualTo(200);
        assertThat(byManager.body().get("assignee").asText()).isEqualTo("hana");
    }

    @Test
    void correctingTheCategoryReDecidesRouteAndSlaAndMovesTheWorkWithOneTimer() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Checkout is slow\","
                + "\"body\":\"for some\"}").body().get("key").asText();
        long oldTask = taskOf("alice", key);
        api.post("alice", "/api/tasks/" + oldTask + "/claim", null);
        long oldProcess = jdbc.queryForObject("select process_instance_id from ticket where id = ?", Long.class,
                io.turnaround.ticket.TicketKey.idOf(key));

        assertThat(api.post("andy", "/api/tickets/" + key + "/category", "{\"category\":\"EMERGENCY\"}").status()).isEqualTo(403);
        Api.Response corrected = api.post("alice", "/api/tickets/" + key + "/category", "{\"category\":\"EMERGENCY\"}");
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        JsonNode ticket = corrected.body();
        assertThat(ticket.get("category").asText()).isEqualTo("EMERGENCY");
        assertThat(ticket.get("route").asText()).isEqualTo("HOSTING_PARTNER");
        assertThat(ticket.get("slaTarget").asText()).isEqualTo("PT1H");
        assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
        assertThat(ticket.hasNonNull("slaOutcome")).as("the clock runs again for the new promise").isFalse();
        assertThat(ticket.get("history").findValuesAsText("event"))
                .containsSubsequence("DECIDED", "TASK_ASSIGNED", "CATEGORY_CORRECTED", "TASK_CREATED", "DECIDED");

        assertThat(api.get("alice", "/api/tasks").text()).doesNotContain("\"ticketKey\":\"" + key + "\"");
        taskOf("hana", key);
        long newProcess = jdbc.queryForObject("select process_instance_id from ticket where id = ?", Long.class,
                io.turnaround.ticket.TicketKey.idOf(key));
        assertThat(timersOf(oldProcess)).as("the old SLA timer is gone").isZero();
        assertThat(timersOf(newProcess)).as("one new SLA timer").isEqualTo(1);

        assertThat(api.post("alice", "/api/tickets/" + key + "/category", "{\"category\":\"EMERGENCY\"}").status())
                .as("already that category").isEqualTo(409);
    }

    private int timersOf(long processInstanceId) {
        return jdbc.queryForObject("select count(*) from qrtz_job_details where job_name like ?", Integer.class,
                "%-" + processInstanceId + "-%");
    }

    private long taskOf(String user, String ticketKey) {
        for (JsonNode task : api.get(user, "/api/tasks").body()) {
            if (ticketKey.equals(task.get("ticketKey").asText())) {
                return task.get("id").asLong();
            }
        }
        throw new AssertionError("no task of " + ticketKey + " for " + user);
    }

    @Test
    void theHistoryShowsTheFirstTaskBeingCreated() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Login fails\","
                + "\"body\":\"since noon\"}").body().get("key").asText();

        JsonNode history = api.get("alice", "/api/tickets/" + key).body().get("history");
        assertThat(history.findValuesAsText("event")).containsSubsequence("RECEIVED", "TASK_CREATED", "DECIDED");
        assertThat(history.toString()).contains("for support-desk");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        missing sender      | {"subject":"s","body":"b"}                                   | from
        blank subject       | {"from":"a@b.example","subject":" ","body":"b"}              | subject
        not an address      | {"from":"nobody","subject":"s","body":"b"}                  | from
        unknown channel     | {"from":"a@b.example","subject":"s","body":"b","channel":"FAX"} | channel
        unknown category    | {"from":"a@b.example","subject":"s","body":"b","category":"URGENT"} | category
        bad timestamp       | {"from":"a@b.example","subject":"s","body":"b","receivedAt":"yesterday"} | receivedAt
        unknown field       | {"from":"a@b.example","subject":"s","body":"b","priority":1} | priority
        """)
    void badInputIsA400NamingTheFieldAndCreatesNothing(String description, String json, String field) {
        Integer before = jdbc.queryForObject("select count(*) from ticket", Integer.class);

        Api.Response response = api.post("intake", "/api/tickets", json);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().get("errors").toString()).contains("\"field\":\"" + field + "\"");
        assertThat(jdbc.queryForObject("select count(*) from ticket", Integer.class)).isEqualTo(before);
    }

    @Test
    void malformedJsonAndOversizeBodiesAreRejectedClearly() {
        Api.Response malformed = api.post("intake", "/api/tickets", "{\"from\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("detail").asText()).startsWith("malformed JSON");

        Api.Response longBody = api.post("intake", "/api/tickets",
                "{\"from\":\"a@b.example\",\"subject\":\"s\",\"body\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(longBody.status()).isEqualTo(400);
        assertThat(longBody.body().get("errors").toString()).contains("body");

        Api.Response huge = api.post("intake", "/api/tickets", "{\"body\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
    }

    @Test
    void aBodySentWithoutALengthIsCountedAndRefusedPastTheLimit() throws Exception {
        long before = jdbc.queryForObject("select count(*) from ticket", Long.class);
        String big = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"s\",\"body\":\"" + "x".repeat(1_100_000) + "\"}";
        java.net.http.HttpResponse<String> chunked = io.turnaround.support.Http.CLIENT.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/tickets"))
                        .header("Authorization", Api.basic("intake")).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("request body is larger than 1048576 bytes");
        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class)).isEqualTo(before);
    }

    @Test
    void everyEndpointNeedsAStaffAccountWithTheRightRole() {
        assertThat(api.get(null, "/api/tickets").status()).isEqualTo(401);
        assertThat(api.get("intake", "/api/tasks").status()).isEqualTo(403);
        assertThat(api.post("andy", "/api/tickets", "{}").status()).isEqualTo(403);
        assertThat(api.get("alice", "/api/tickets/TCK-999999").status()).isEqualTo(404);
    }

    @Test
    void anAgentCannotActOnAnotherGroupsTask() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"cto@platina.example\",\"subject\":\"Site is down\","
                + "\"body\":\"all\"}").body().get("key").asText();
        JsonNode task = api.get("hana", "/api/tasks/" + taskOf("hana", key)).body();

        Api.Response claim = api.post("alice", "/api/tasks/" + task.get("id").asLong() + "/claim", null);
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.body().get("detail").asText()).contains("hosting-liaison");
        assertThat(api.get("alice", "/api/tasks").body().toString()).doesNotContain("\"id\":" + task.get("id").asLong() + ",");

        assertThat(api.get("alice", "/api/tasks/" + task.get("id").asLong()).status()).as("nor read it").isEqualTo(403);

        Api.Response completeUnclaimed = api.post("hana", "/api/tasks/" + task.get("id").asLong() + "/complete", null);
        assertThat(completeUnclaimed.status()).isEqualTo(409);
    }
}
