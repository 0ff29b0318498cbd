package io.turnaround.tasklist;

import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffPages;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open task lists hear of the changes that concern their viewer, and of no others: a new support-desk task reaches
 * alice's list (her group) and not hana's (hosting liaison); a delegation keeps the group and holder the task had
 * before, which the list it leaves is told by.
 */
class TaskListEventsOnPostgresIT {

    private static final String CHANGED = "event:" + TaskListEvents.CHANGED;

    @Test
    void aChangeReachesTheListsItConcernsAndNoOther() throws Exception {
        EnginePersistence.configure();
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TurnaroundApplication.class).run(
                Stream.concat(Stream.of(PostgresDatabase.create().springArgsWithDemoData()),
                        Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1")).toArray(String[]::new))) {
            int port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
            Api api = new Api(port);
            String since = URLEncoder.encode(server.getBean(TaskRows.class).lastChange().text(), StandardCharsets.UTF_8);
            BlockingQueue<String> alice = listen(StaffPages.signIn(port, "alice"), since);
            BlockingQueue<String> hana = listen(StaffPages.signIn(port, "hana"), since);

            String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":"
                    + "\"Export question\",\"body\":\"How do we export?\"}").body().get("key").asText();
            // How soon is the benchmark's to measure (README, "Benchmark"); here, that it comes at all.
            assertThat(alice.poll(10, TimeUnit.SECONDS)).as("alice's list").isEqualTo(CHANGED);
            assertThat(hana.poll(3, TimeUnit.SECONDS)).as("hana's list").isNull();

            long id = StreamSupport.stream(api.get("alice", "/api/tasks").body().spliterator(), false)
                    .filter(task -> task.get("ticketKey").asText().equals(key)).findFirst().orElseThrow()
                    .get("id").asLong();
            assertThat(api.post("alice", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(200);
            assertThat(api.post("alice", "/api/tasks/" + id + "/delegate", "{\"to\":\"dave\"}").status())
                    .isEqualTo(200);
            assertThat(server.getBean(JdbcTemplate.class).queryForMap("select candidate_group, previous_group,"
                    + " assignee, previous_assignee from task_list_entry where task_id = ?", id))
                    .isEqualTo(Map.of("candidate_group", "support-desk", "previous_group", "support-desk",
                            "assignee", "dave", "previous_assignee", "alice"));
            assertThat(alice.poll(10, TimeUnit.SECONDS)).as("alice's list after the delegation").isEqualTo(CHANGED);
            assertThat(hana.poll(2, TimeUnit.SECONDS)).as("hana's list after the delegation").isNull();
        }
    }

    /** The events a signed-in list hears, from the moment given, as they come. */
    private static BlockingQueue<String> listen(StaffPages pages, String since) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> pages.events("/tasks/events?since=" + since)
                .filter(line -> line.startsWith("event:")).forEach(events::add));
        reader.setDaemon(true);
        reader.start();
        return events;
    }
}
