package io.turnaround.bench;

import io.turnaround.TurnaroundApplication;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How fast the reports answer with a year of tickets: starts the server in this JVM on a fresh PostgreSQL database
 * (demo accounts and clients), writes {@code --tickets} tickets received over the last 365 days with the history the
 * server records for them (received, decided, assigned or breached, answered, done; a tenth breached, a few hundred
 * still running, the breached ones' ladder rungs), rebuilds the promises from that history through the API (timed)
 * and vacuums them as autovacuum would, then times {@code --requests} calls of each report as the reports page makes
 * them (a manager signed in), after {@code --warmup} more, and the CSV of the year's compliance by week and tier.
 * Prints the median, p99 and the longest, measured at the client:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.ReportsBenchmark \
 *     -Dexec.args="--tickets 100000 --requests 200"
 * </pre>
 */
public final class ReportsBenchmark {

    /** An instant as the history writes it (Instant.toString for whole seconds). */
    private static final String ISO = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int tickets = ProcessTrafficBenchmark.option(options, "--tickets", 100_000);
        int requests = ProcessTrafficBenchmark.option(options, "--requests", 200);
        int warmup = ProcessTrafficBenchmark.option(options, "--warmup", 20);
        EnginePersistence.configure();
        PostgresDatabase database = PostgresDatabase.create();
        List<String> serverArgs = new ArrayList<>(Arrays.asList(database.springArgsWithDemoData()));
        serverArgs.add("--server.port=0");
        serverArgs.add("--turnaround.reports.weekly-summary=false");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TurnaroundApplication.class)
                .run(serverArgs.toArray(String[]::new))) {
            long seeding = System.nanoTime();
            seed(server.getBean(JdbcTemplate.class), tickets);
            System.out.printf("%,d tickets with their history written in %d s%n", tickets,
                    (System.nanoTime() - seeding) / 1_000_000_000);
            String url = "http://localhost:" + ((ServletWebServerApplicationContext) server).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            long rebuilding = System.nanoTime();
            HttpResponse<String> rebuilt = http.send(HttpRequest.newBuilder(URI.create(url
                    + "/api/reports/promises/rebuild")).header("Authorization", "Basic YWRtaW46ZGVtbw==")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("rebuilt from the history in %d ms: %s%n", (System.nanoTime() - rebuilding) / 1_000_000,
                    rebuilt.body());
            // What autovacuum would do after so many new rows, done before measuring rather than during it.
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "")) {
                connection.createStatement().execute("vacuum analyze ticket_promise");
            }
            TaskListBenchmark.signIn(http, url, "maria", "demo");
            LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
            String lastMonth = today.minusMonths(1).withDayOfMonth(1).toString().substring(0, 7);
            String year = "from=" + today.minusYears(1).plusDays(1) + "&to=" + today;
            ProcessTrafficBenchmark.time(http, "compliance, a month by tier", url + "/reports/compliance?month=" + lastMonth + "&by=tier",
                    warmup, requests);
            ProcessTrafficBenchmark.time(http, "compliance, a month by group", url + "/reports/compliance?month=" + lastMonth + "&by=group",
                    warmup, requests);
            ProcessTrafficBenchmark.time(http, "compliance, a month by assignee", url + "/reports/compliance?month=" + lastMonth
                    + "&by=assignee&tier=GOLD", warmup, requests);
            ProcessTrafficBenchmark.time(http, "compliance, a year by week, tier", url + "/reports/compliance?" + year + "&by=week,tier",
                    warmup, requests);
            ProcessTrafficBenchmark.time(http, "escalations, a month", url + "/reports/escalations?month=" + lastMonth + "&by=tier,group",
                    warmup, requests);
            ProcessTrafficBenchmark.time(http, "partner, a month", url + "/reports/partner?month=" + lastMonth + "&by=tier", warmup, requests);
            ProcessTrafficBenchmark.time(http, "tickets behind a count (500)", url + "/reports/compliance/tickets.json?month=" + lastMonth
                    + "&standing=met", warmup, requests);
            ProcessTrafficBenchmark.time(http, "backlog now", url + "/reports/backlog", warmup, requests);
            ProcessTrafficBenchmark.time(http, "the reports page", url + "/reports?month=" + lastMonth, warmup, requests);
            ProcessTrafficBenchmark.time(http, "CSV, a year by week and tier", url + "/reports/compliance.csv?" + year + "&by=week,tier", 3,
                    Math.max(10, requests / 10));
        }
    }

    /**
     * Tickets of the six demo clients received over the last year, each with the history the server writes: RECEIVED,
     * DECIDED (a quarter each per tier, spread over three groups), then SLA_STOPPED by its assignee (every tenth
     * breached, its ladder's three rungs fired), REPLY_QUEUED for half, TASK_COMPLETED and resolved for all but the
     * newest few hundred, which still run.
     */
    private static void seed(JdbcTemplate jdbc, int tickets) {
        jdbc.update("insert into ticket (client_id, sender, subject, body, channel, tier, received_at, status, category,"
                + " route, candidate_group, sla_target, sla_clock, sla_due_at, policy_version, resolved_at, created_at,"
                + " updated_at)"
                + " select c.id, 'bench' || g || '@bench.example', 'Bench ticket ' || g, 'As the subject says.', 'EMAIL',"
                + " c.tier, now() - (g * 31536000.0 / ?) * interval '1 second', case when g > 300 then 'RESOLVED'"
                + " else 'OPEN' end, 'NON_EMERGENCY', 'SUPPORT_DESK',"
                + " (array['support-desk', 'dev-team', 'hosting-liaison'])[1 + g % 3], 'PT4H', 'BUSINESS_HOURS',"
                + " now() - (g * 31536000.0 / ?) * interval '1 second' + interval '4 hours', 1,"
                + " case when g > 300 then now() - (g * 31536000.0 / ?) * interval '1 second' + interval '1 day' end,"
                + " now(), now()"
                + " from generate_series(1, ?) g join (select id, tier, row_number() over (order by id) - 1 as n"
                + " from client) c on c.n = g % 6", tickets, tickets, tickets, tickets);
        String bench = " from ticket t where t.sender like 'bench%@bench.example'";
        jdbc.update("insert into ticket_history (ticket_id, at, actor, event, detail)"
                + " select t.id, t.received_at, 'mail', 'RECEIVED', 'via EMAIL from ' || t.sender" + bench);
        jdbc.update("insert into ticket_history (ticket_id, at, actor, event, detail)"
                + " select t.id, t.received_at, 'policy v1', 'DECIDED', 'NON_EMERGENCY (bench) -> SUPPORT_DESK for '"
                + " || t.candidate_group || ', ' || t.tier || ' plan: PT4H on the BUSINESS_HOURS clock, due '"
                + " || to_char(t.sla_due_at at time zone 'UTC', " + ISO + ")" + bench);
        jdbc.update("insert into ticket_history (ticket_id, at, actor, event, detail)"
                + " select t.id, t.received_at + (t.id % 300) * interval '1 minute', 'alice', 'SLA_STOPPED',"
                + " 'assigned to ' || (array['alice', 'dave', 'hana'])[1 + t.id % 3] || ' at x, due y: '"
                + " || case when t.id % 10 = 0 then 'breached' else 'met' end || '; ran PT' || (t.id % 300)"
                + " || 'M on its BUSINESS_HOURS clock'" + bench + " and t.status = 'RESOLVED'");
        jdbc.update("insert into ticket_history (ticket_id, at, actor, event, detail)"
                + " select t.id, t.received_at + (t.id % 120) * interval '1 minute', 'alice', 'REPLY_QUEUED', 'to x: y'"
                + bench + " and t.id % 2 = 0");
        jdbc.update("insert into ticket_history (ticket_id, at, actor, event, detail)"
                + " select t.id, t.resolved_at, 'alice', 'TASK_COMPLETED', '''Handle request'''" + bench
                + " and t.status = 'RESOLVED'");
        jdbc.update("insert into sla_escalation (ticket_id, process_instance_id, rung, moment, action, target_group,"
                + " due_at, fired_at, outcome, detail)"
                + " select t.id, 800000000 + t.id, r.rung, r.moment, r.action, 'on-call', t.received_at + r.after,"
                + " t.received_at + r.after, 'DONE', 'bench' from ticket t cross join"
                + " (values (0, '50%', 'NOTIFY_ASSIGNEE', interval '2 hours'), (1, '80%', 'NOTIFY_GROUP',"
                + " interval '3 hours'), (2, '100%', 'BREACH', interval '4 hours')) as r(rung, moment, action, after)"
                + " where t.sender like 'bench%@bench.example' and t.id % 10 = 0");
        jdbc.execute("analyze ticket");
        jdbc.execute("analyze ticket_history");
    }
}
