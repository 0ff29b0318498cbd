package io.turnaround.retention;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.ServerTestBase;
import io.turnaround.ticket.TicketKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The same job on the embedded default, H2: its SQL runs there too, and a long-resolved ticket's engine data goes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:retention;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "turnaround.retention.cron=-", "turnaround.retention.attachments=P30D"})
class RetentionOnH2IT extends ServerTestBase {

    @Autowired
    Retention retention;

    @Test
    void aLongResolvedTicketLosesItsEngineDataAndSentMailButKeepsItsHistory() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user"
                + " cannot log in\",\"body\":\"since today\"}").body().get("key").asText();
        long ticket = TicketKey.idOf(key);
        for (JsonNode task : api.get("alice", "/api/tasks?group=support-desk").body()) {
            if (key.equals(task.get("ticketKey").asText())) {
                api.post("alice", "/api/tasks/" + task.get("id").asLong() + "/claim", null);
                api.post("alice", "/api/tasks/" + task.get("id").asLong() + "/complete", null);
            }
        }
        long process = jdbc.queryForObject("select process_instance_id from ticket where id = ? and status = 'RESOLVED'",
                Long.class, ticket);
        jdbc.update("insert into ProcessInstanceLog (id, processInstanceId, processId, status) values (1, ?, 'x', 2)", process);
        jdbc.update("update ticket set updated_at = ? where id = ?", OffsetDateTime.now().minusDays(40), ticket);
        jdbc.update("update outbound_mail set status = 'SENT', sent_at = ? where ticket_id = ?",
                OffsetDateTime.now().minusDays(100), ticket);
        int history = jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ?", Integer.class, ticket);

        RetentionReport report = retention.run("test");

        assertThat(report.complete()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from Task where processInstanceId = ?", Integer.class, process)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ProcessInstanceLog", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbound_mail where ticket_id = ?", Integer.class, ticket)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ?", Integer.class, ticket))
                .isEqualTo(history + 1);
        assertThat(api.get("maria", "/api/tickets/" + key).body().get("status").asText()).isEqualTo("RESOLVED");
    }
}
