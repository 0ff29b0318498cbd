package io.turnaround.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports on the embedded database, which the demo runs on: the same statements (spans joined as values,
 * percentiles, seconds between instants) answer there too, and a live ticket's promise equals the rebuilt one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:reports;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                "turnaround.intake.received-at-max-age=P3650D"})
class ReportsOnH2IT extends ServerTestBase {

    /**
     * Three Gold requests received Friday 20 November at 17:00 Pacific, due after 12 business hours on Tuesday 24
     * November at 09:00 Pacific; one taken now, long after: all three breached.
     */
    @Test
    void complianceEscalationsAndThePartnerAnswerOnTheEmbeddedDatabase() {
        List<String> keys = List.of(gold(), gold(), gold());
        long task = 0;
        for (JsonNode t : api.get("alice", "/api/tasks?group=support-desk").body()) {
            if (keys.get(0).equals(t.get("ticketKey").asText())) {
                task = t.get("id").asLong();
            }
        }
        assertThat(api.post("alice", "/api/tickets/" + keys.get(0) + "/replies", "{\"body\":\"On it.\"}").status())
                .isEqualTo(201);
        assertThat(api.post("alice", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        JsonNode report = api.get("maria", "/api/reports/compliance?month=2026-11&by=week,tier").body();
        JsonNode row = report.get("rows").get(0);
        assertThat(row.get("key")).hasToString("{\"week\":\"2026-11-16\",\"tier\":\"GOLD\"}");
        JsonNode f = row.get("figures");
        assertThat(f.get("tickets").asInt() + " " + f.get("met").asInt() + " " + f.get("breached").asInt() + " "
                + f.get("running").asInt() + " " + f.get("percentMet").asText()).isEqualTo("3 0 3 0 0.0");
        assertThat(Duration.parse(f.get("assignOnClockMedian").asText()))
                .as("12 business hours and the working time since they were due").isGreaterThan(Duration.ofHours(12));
        assertThat(Duration.parse(f.get("assignMedian").asText())).isGreaterThan(Duration.ofDays(16));
        assertThat(f.get("firstResponseMedian").asText()).isEqualTo(f.get("firstResponseP90").asText());
        assertThat(api.get("maria", "/api/reports/escalations?month=2026-11").status()).isEqualTo(200);
        assertThat(api.get("maria", "/api/reports/partner?month=2026-11&by=tier").body()).isEmpty();
        assertThat(api.get("maria", "/api/reports/compliance/tickets?month=2026-11&standing=breached").body())
                .hasSize(3);
        assertThat(api.get("maria", "/api/reports/compliance.csv?from=2026-01-01&to=2026-12-31&by=month,tier").text())
                .contains("\"2026-11\",\"GOLD\",\"3\",\"0\",\"3\",\"0\",\"0.0\"");

        Map<String, Object> live = jdbc.queryForMap("select * from ticket_promise where ticket_id = ?",
                Long.parseLong(keys.get(0).substring(4)));
        assertThat(api.post("admin", "/api/reports/promises/rebuild", "").status()).isEqualTo(200);
        assertThat(jdbc.queryForMap("select * from ticket_promise where ticket_id = ?",
                Long.parseLong(keys.get(0).substring(4)))).isEqualTo(live);
    }

    private String gold() {
        return api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"A payout failed\","
                + "\"body\":\"for one model\",\"receivedAt\":\"2026-11-20T17:00:00-08:00\"}").body().get("key").asText();
    }
}
