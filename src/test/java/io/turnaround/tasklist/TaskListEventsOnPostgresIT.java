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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open task lists hear of the changes that concern their viewer, and of no others: a new support-desk task reaches
 * alice's list (her group) and not hana's (hosting liaison); a delegation keeps the group and holder the task had
 * before, which the list it leaves is told by. A list then fetches only the rows that changed since it showed them.
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

    @Test
    void aListFetchesOnlyTheRowsThatChangedSinceItShowedThem() {
        EnginePersistence.configure();
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TurnaroundApplication.class).run(
                Stream.concat(Stream.of(PostgresDatabase.create().springArgsWithDemoData()),
                        Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1")).toArray(String[]::new))) {
            int port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
            Api api = new Api(port);
            for (String subject : new String[] {"Export question", "Invoice question", "Password question"}) {
                api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":\"" + subject
                        + "\",\"body\":\"How?\"}");
            }
            StaffPages alice = StaffPages.signIn(port, "alice");
            String page = alice.get("/tasks");
            assertThat(page).contains("hx-get=\"/tasks/list\"");
            Map<String, String> shown = sentRows(page);
            assertThat(shown).hasSize(3);

            String unchanged = alice.get("/tasks/list?shown=" + shownParameter(shown));
            assertThat(sentRows(unchanged)).as("nothing changed: no row is sent again").isEmpty();
            assertThat(keptRows(unchanged)).containsExactlyElementsOf(shown.keySet());
            assertThat(unchanged).contains("3</span> open task(s)").doesNotContain("<html");

            String claimed = shown.keySet().iterator().next();
            assertThat(api.post("alice", "/api/tasks/" + claimed + "/claim", null).status()).isEqualTo(200);
            String key = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"subject\":"
                    + "\"Fourth question\",\"body\":\"How?\"}").body().get("key").asText();
            String changed = alice.get("/tasks/list?shown=" + shownParameter(shown));
            Map<String, String> sent = sentRows(changed);
            assertThat(sent).as("the claimed row and the new one").hasSize(2).containsKey(claimed)
                    .doesNotContainEntry(claimed, shown.get(claimed));
            assertThat(changed).contains(key).contains("4</span> open task(s)");
            assertThat(keptRows(changed)).as("the others are kept").hasSize(2).doesNotContain(claimed);

            assertThat(sentRows(alice.get("/tasks/list?shown=" + URLEncoder.encode("1.x,junk,.,9999999999999999999.a",
                    StandardCharsets.UTF_8)))).as("versions that are not the rows' own: every row is sent").hasSize(4);
            assertThat(sentRows(alice.get("/tasks/list?scope=QUEUE"))).as("her queue without the claimed task")
                    .hasSize(3).doesNotContainKey(claimed);
        }
    }

    private static final Pattern SENT = Pattern.compile("<tr data-task-id=\"(\\d+)\" data-version=\"([^\"]+)\"");
    private static final Pattern KEPT = Pattern.compile("<tr data-kept data-task-id=\"(\\d+)\"");

    /** The rows an answer sends in full: task id to version, in order. */
    private static Map<String, String> sentRows(String answer) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = SENT.matcher(answer);
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
        return rows;
    }

    private static List<String> keptRows(String answer) {
        return KEPT.matcher(answer).results().map(row -> row.group(1)).toList();
    }

    private static String shownParameter(Map<String, String> rows) {
        return URLEncoder.encode(String.join(",", rows.entrySet().stream()
                .map(row -> row.getKey() + "." + row.getValue()).toList()), StandardCharsets.UTF_8);
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
