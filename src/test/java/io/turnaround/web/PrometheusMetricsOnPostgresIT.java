package io.turnaround.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PolicyFolders;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffFixtures;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.turnaround.support.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} on PostgreSQL: tickets are received, one Platinum emergency (due in 5 seconds on this
 * copy of the policy) breaches, and the domain metrics read back from the scrape say so, by name, label and value,
 * beside the JVM, HTTP, pool and Tomcat ones. Prometheus signs in with the scrape token, which opens nothing else;
 * no label carries a ticket key or a person. The breach's log line carries its ticket and the timer's own id.
 */
class PrometheusMetricsOnPostgresIT {

    private static final String SCRAPE_TOKEN = "scrape-" + "5f0c1e9a7d3b4c21";
    private static final PostgresDatabase database = PostgresDatabase.create();
    private static ConfigurableApplicationContext server;
    private static JdbcTemplate jdbc;
    private static Api api;
    private static final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void startServer() {
        Path policy = PolicyFolders.copyOfShipped();
        PolicyFolders.edit(policy, "rules/tiers.drl", ".emergencyTurnaround(\"PT30M\")", ".emergencyTurnaround(\"PT5S\")");
        PolicyFolders.replaceScenarios(policy, """
                - name: A Platinum emergency is due in 5 seconds, for this test
                  ticket: {tier: PLATINUM, hosting: PARTNER, subject: Site is down, receivedAt: 2026-06-03T10:00:00Z}
                  expect: {slaTarget: PT5S, slaDueAt: 2026-06-03T10:00:05Z}
                """);
        EnginePersistence.configure();
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(
                Stream.of(database.springArgs()), Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1",
                        "--turnaround.policy.directory=" + policy, "--turnaround.metrics.gauges-refresh=PT1S",
                        "--turnaround.metrics.scrape-token=" + SCRAPE_TOKEN)).toArray(String[]::new));
        api = new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
        jdbc = server.getBean(JdbcTemplate.class);
        // After the start: Spring Boot sets logging up afresh as it starts.
        log.start();
        ((Logger) LoggerFactory.getLogger("io.turnaround")).addAppender(log);
        StaffFixtures.addStaff(server, "ivy", "INTAKE");
        StaffFixtures.addStaff(server, "hana", "AGENT", "hosting-liaison");
        StaffFixtures.addStaff(server, "admin", "ADMIN");
        StaffFixtures.addClient(server, "Platina Streams", "PLATINUM", "PARTNER", "cto@platina.example");
        StaffFixtures.addClient(server, "Goldcrest Quotes", "GOLD", "PARTNER", "buyer@goldcrest.example");
    }

    @AfterAll
    static void stopServer() {
        ((Logger) LoggerFactory.getLogger("io.turnaround")).detachAppender(log);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theScrapeCountsTicketsBreachesEscalationsAndTheQueuesWithBoundedLabels() {
        String emergency = received("cto@platina.example", "Site is down");
        String question = received("buyer@goldcrest.example", "How do I export my invoices?");
        String unknown = received("stranger@nowhere.example", "Hello");
        waitUntil(() -> count("select count(*) from sla_escalation where action = 'BREACH' and outcome = 'DONE'") == 1,
                Duration.ofSeconds(30), "the emergency breached");
        // The timer's work is traced as its own unit of work, with its ticket.
        assertThat(logged()).filteredOn(e -> e.getFormattedMessage().startsWith(emergency + " breached"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getMDCPropertyMap()).containsEntry("ticket", emergency);
                    assertThat(e.getMDCPropertyMap().get("requestId")).matches("timer-[0-9a-f]{16}");
                });

        waitUntil(() -> value(scrape(), "turnaround_tasks_open", "group", "hosting-liaison", "state", "READY") != null,
                Duration.ofSeconds(10), "the open tasks counted");
        List<Sample> samples = scrape();

        assertThat(value(samples, "turnaround_tickets_received_total", "tier", "PLATINUM", "category", "EMERGENCY",
                "channel", "API")).isEqualTo(1.0);
        assertThat(samples.stream().filter(s -> s.name().equals("turnaround_tickets_received_total"))
                .mapToDouble(Sample::value).sum()).isEqualTo(3.0);
        assertThat(value(samples, "turnaround_tickets_received_total", "tier", "none", "route", "TRIAGE")).isEqualTo(1.0);
        assertThat(value(samples, "turnaround_policy_decision_seconds_count")).isEqualTo(2.0);
        assertThat(value(samples, "turnaround_sla_breaches_total", "tier", "PLATINUM")).isEqualTo(1.0);
        assertThat(value(samples, "turnaround_escalations_total", "step", "BREACH")).isEqualTo(1.0);
        assertThat(samples.stream().filter(s -> s.name().equals("turnaround_escalations_total"))
                .mapToDouble(Sample::value).sum()).isEqualTo(count("select count(*) from sla_escalation where outcome = 'DONE'"));
        assertThat(samples.stream().filter(s -> s.name().equals("turnaround_timer_lateness_seconds_count"))
                .mapToDouble(Sample::value).sum()).isEqualTo(count("select count(*) from sla_escalation"));
        assertThat(samples).anyMatch(s -> s.name().equals("turnaround_timer_lateness_seconds_bucket"));
        assertThat(value(samples, "turnaround_tasks_open", "group", "hosting-liaison", "state", "READY"))
                .isEqualTo((double) count("select count(*) from task_list_entry where candidate_group = 'hosting-liaison'"
                        + " and status = 'READY'"));
        assertThat(value(samples, "turnaround_policy_active_version")).isEqualTo(1.0);
        assertThat(value(samples, "turnaround_policy_activation_seconds_count", "how", "here")).isEqualTo(0.0);
        assertThat(value(samples, "turnaround_mail_intake_lag_seconds_count")).isEqualTo(0.0);

        // The gauges read from the database agree with it once their refresh has run.
        waitUntil(() -> value(scrape(), "turnaround_timers_pending")
                        == count("select count(*) from qrtz_triggers"), Duration.ofSeconds(10), "the pending timers");
        assertThat(value(scrape(), "turnaround_timers_pending")).isPositive();
        waitUntil(() -> value(scrape(), "turnaround_outbox_backlog")
                        == count("select count(*) from outbound_mail where status = 'QUEUED'"), Duration.ofSeconds(10),
                "the outbox's backlog");
        assertThat(value(scrape(), "turnaround_outbox_oldest_age_seconds")).isNotNull();

        // Next to the server's own: JVM, HTTP, the connection pools and Tomcat.
        assertThat(samples).anyMatch(s -> s.name().equals("jvm_memory_used_bytes"));
        assertThat(samples).anyMatch(s -> s.name().equals("http_server_requests_seconds_count")
                && "/api/tickets".equals(s.labels().get("uri")));
        assertThat(samples).anyMatch(s -> s.name().equals("jdbc_connections_active"));
        assertThat(samples).anyMatch(s -> s.name().startsWith("tomcat_"));

        // Bounded: no label of ours names a ticket, a person or an address.
        List<String> people = List.of("ivy", "hana", "admin", "cto@platina.example", "stranger@nowhere.example");
        samples.stream().filter(s -> s.name().startsWith("turnaround_")).flatMap(s -> s.labels().values().stream())
                .forEach(label -> assertThat(label).doesNotContain(emergency, question, unknown).isNotIn(people));
    }

    @Test
    void theScrapeTokenOpensTheMetricsAndNothingElse() {
        assertThat(api.request("GET", null, "/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.request("GET", Api.bearer("not-" + SCRAPE_TOKEN), "/actuator/prometheus", null).status())
                .isEqualTo(401);
        assertThat(api.get("hana", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.get("admin", "/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.request("GET", Api.bearer(SCRAPE_TOKEN), "/actuator/prometheus", null).status()).isEqualTo(200);
        for (String elsewhere : List.of("/actuator/metrics", "/actuator", "/api/tickets", "/api/tokens")) {
            assertThat(api.request("GET", Api.bearer(SCRAPE_TOKEN), elsewhere, null).status()).as(elsewhere)
                    .isIn(401, 404);
        }
    }

    private static String received(String from, String subject) {
        Api.Response created = api.post("ivy", "/api/tickets",
                "{\"from\":\"" + from + "\",\"subject\":\"" + subject + "\",\"body\":\"Please help.\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    /** What was logged so far; ListAppender appends under its own lock (AppenderBase.doAppend). */
    private static List<ILoggingEvent> logged() {
        synchronized (log) {
            return List.copyOf(log.list);
        }
    }

    private static int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** The exposition format read back: one sample per line, comments left out. */
    private static List<Sample> scrape() {
        Api.Response response = api.request("GET", Api.bearer(SCRAPE_TOKEN), "/actuator/prometheus", null);
        assertThat(response.status()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : response.text().split("\n")) {
            Matcher sample = LINE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    /** The one sample of that name whose labels include these (name, value pairs); null if none. */
    private static Double value(List<Sample> samples, String name, String... labels) {
        List<Sample> matching = samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(matching).as(name + " " + String.join(",", labels)).hasSizeLessThanOrEqualTo(1);
        return matching.isEmpty() ? null : matching.get(0).value();
    }
}
