package io.turnaround.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's own holidays over HTTP: who may read and replace them, bad input, and their effect on the SLA. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:holidays;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                // Fixed moments long past make the promised due instants exact; intake takes them only if told to.
                "turnaround.intake.received-at-max-age=P3650D"})
class ClientHolidaysIT extends ServerTestBase {

    private static final String CHRISTMAS_ICS = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
            "BEGIN:VEVENT", "UID:xmas@test", "DTSTAMP:20250101T000000Z", "DTSTART;VALUE=DATE:20201225",
            "RRULE:FREQ=YEARLY", "SUMMARY:Christmas Day", "END:VEVENT",
            "END:VCALENDAR", "");

    private long clientNamed(String name) {
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    @Test
    void managersReplaceAClientsHolidaysAndOthersMayNot() {
        String path = "/api/clients/" + clientNamed("Silverline Media") + "/holidays";
        String list = "[{\"date\":\"2026-12-24\",\"name\":\"Christmas Eve\"},{\"date\":\"2026-12-31\"}]";

        Api.Response replaced = api.request("PUT", Api.basic("maria"), path, list);
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(replaced.body().findValuesAsText("date")).containsExactly("2026-12-24", "2026-12-31");
        assertThat(api.get("admin", path).body().get(0).get("name").asText()).isEqualTo("Christmas Eve");

        assertThat(api.get("alice", path).status()).as("agents").isEqualTo(403);
        assertThat(api.request("PUT", Api.basic("andy"), path, "[]").status()).as("analysts").isEqualTo(403);
        assertThat(api.get("maria", "/api/clients/999999/holidays").status()).isEqualTo(404);
    }

    @Test
    void badJsonIsRefusedNamingTheEntryAndNothingIsSaved() {
        String path = "/api/clients/" + clientNamed("Quartz Collective") + "/holidays";
        api.request("PUT", Api.basic("maria"), path, "[{\"date\":\"2026-08-31\",\"name\":\"Summer bank holiday\"}]");

        Api.Response badDate = api.request("PUT", Api.basic("maria"), path,
                "[{\"date\":\"2026-12-25\"},{\"date\":\"2026-02-30\"}]");
        Api.Response twice = api.request("PUT", Api.basic("maria"), path,
                "[{\"date\":\"2026-12-25\"},{\"date\":\"2026-12-26\"},{\"date\":\"2026-12-25\"}]");
        Api.Response noDate = api.request("PUT", Api.basic("maria"), path, "[{\"name\":\"Boxing Day\"}]");

        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("errors").get(0).get("field").asText()).isEqualTo("[1].date");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("errors").get(0).get("field").asText()).isEqualTo("[2].date");
        assertThat(twice.body().get("errors").get(0).get("message").asText()).contains("listed twice");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body().get("errors").get(0).get("field").asText()).isEqualTo("[0].date");
        assertThat(api.get("maria", path).body().findValuesAsText("date")).containsExactly("2026-08-31");
    }

    @Test
    void anIcsUploadReplacesTheHolidaysAndABadOneNamesItsLine() {
        String path = "/api/clients/" + clientNamed("Ironclad Cams") + "/holidays";

        Api.Response uploaded = api.put("admin", path, CHRISTMAS_ICS, "text/calendar");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        assertThat(uploaded.body().findValuesAsText("name")).hasSizeGreaterThanOrEqualTo(6).containsOnly("Christmas Day");
        assertThat(uploaded.body().findValuesAsText("date")).contains("2026-12-25", "2027-12-25", "2030-12-25");

        Api.Response bad = api.put("admin", path, CHRISTMAS_ICS.replace("DTSTART;VALUE=DATE:20201225",
                "DTSTART;VALUE=DATE:2020-12-25"), "text/calendar");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asText()).contains("line 7");
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("line 7");
        assertThat(api.get("admin", path).body().findValuesAsText("date")).contains("2026-12-25");
    }

    @Test
    void aNewTicketsBusinessClockSkipsItsClientsHolidayInTheClientsZone() {
        long goldcrest = clientNamed("Goldcrest Live");
        String ticket = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"A payout failed\",\"body\":\"for one model\","
                + "\"receivedAt\":\"2026-11-20T17:00:00-08:00\"}";
        JsonNode before = api.post("intake", "/api/tickets", ticket).body();

        // Monday 2026-11-23 in Chicago is Sunday 22:00 to Monday 22:00 Pacific: the whole Pacific Monday closes.
        api.request("PUT", Api.basic("maria"), "/api/clients/" + goldcrest + "/holidays", "[{\"date\":\"2026-11-23\"}]");
        JsonNode after = api.post("intake", "/api/tickets", ticket).body();

        assertThat(before.get("slaDueAt").asText()).isEqualTo("2026-11-24T17:00:00Z");
        assertThat(after.get("slaDueAt").asText()).isEqualTo("2026-11-25T17:00:00Z");
    }
}
