package io.turnaround.bench;

import io.turnaround.TurnaroundApplication;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How fast the live diagram's counts come back with many open tickets: starts the server in this JVM on a fresh
 * PostgreSQL database (demo accounts), adds {@code --open} open tickets waiting in the support process (spread over
 * its six work tasks, a third of them breached) and {@code --ended} tickets resolved over the last 7 days, each with
 * the node stays the engine's listener records for a ticket (fourteen, five of them waits), then times
 * {@code --requests} calls of the counts and of the busiest step's ticket list as the diagram page makes them (a
 * manager signed in, the session's cookie), after {@code --warmup} more. Prints the median, p99 and the longest,
 * measured at the client:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.ProcessTrafficBenchmark \
 *     -Dexec.args="--open 20000 --ended 20000 --requests 300"
 * </pre>
 *
 * With {@code --stays-every-request true} the server takes the median stays at every request instead of keeping them
 * for a minute, which shows what taking them costs.
 */
public final class ProcessTrafficBenchmark {

    private static final String TASKS = "array['confirmPartnerPickup', 'trackClientHosting', 'fixDefect', 'handleRequest',"
            + " 'prepareQuote', 'scheduleTraining']";
    /** A ticket's path as the listener records it: node instance, node, and whether the process waits there. */
    private static final String PATH = "(values (1, 'ticketReceived', false), (2, 'decidePolicy', false),"
            + " (3, 'planLadder', false), (4, 'splitWork', false), (5, 'handleTicket', true), (6, 'workStarts', false),"
            + " (7, 'routeGateway', false), (8, 'TASK', true), (9, 'ladderLoop', false), (10, 'ladderState', false),"
            + " (11, 'runningWait', false), (12, 'nextRungDue', true), (13, 'clockChanged', true),"
            + " (14, 'handledWhileRunning', true)) as p(node_instance, node, waits)";

    private ProcessTrafficBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int open = option(options, "--open", 20_000);
        int ended = option(options, "--ended", 20_000);
        int requests = option(options, "--requests", 300);
        int warmup = option(options, "--warmup", 30);
        EnginePersistence.configure();
        List<String> serverArgs = new ArrayList<>(Arrays.asList(PostgresDatabase.create().springArgsWithDemoData()));
        serverArgs.add("--server.port=0");
        if (options.contains("--stays-every-request") && Boolean.parseBoolean(options.get(options.indexOf("--stays-every-request") + 1))) {
            serverArgs.add("--turnaround.diagram.stays-refreshed-after=0");
        }
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TurnaroundApplication.class)
                .run(serverArgs.toArray(String[]::new))) {
            long seeding = System.nanoTime();
            seed(server.getBean(JdbcTemplate.class), open, ended);
            System.out.printf("%,d open and %,d resolved tickets with their stays added in %d s%n", open, ended,
                    (System.nanoTime() - seeding) / 1_000_000_000);
            String url = "http://localhost:" + ((ServletWebServerApplicationContext) server).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            TaskListBenchmark.signIn(http, url, "maria", "demo");
            time(http, "counts at every step", url + "/processes/support-ticket/traffic", warmup, requests);
            time(http, "tickets at handleRequest (50)", url + "/processes/support-ticket/nodes/handleRequest/tickets",
                    warmup, requests);
        }
    }

    private static void seed(JdbcTemplate jdbc, int open, int ended) {
        // Open tickets received over the last two days, due 12 hours after (every third one already breached);
        // resolved ones received over the last week.
        jdbc.update("insert into ticket (sender, subject, body, channel, tier, received_at, status, category, route,"
                + " candidate_group, sla_target, sla_clock, sla_due_at, sla_outcome, policy_version, created_at, updated_at)"
                + " select 'bench' || g || '@bench.example', 'Bench ticket ' || g, 'As the subject says.', 'EMAIL',"
                + " (array['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'])[1 + g % 4], now() - case when g <= ? then g % 2880"
                + " else 600 + g % 9000 end * interval '1 minute',"
                + " case when g <= ? then 'OPEN' else 'RESOLVED' end, 'REQUEST', 'SUPPORT_DESK', 'support-desk', 'PT12H',"
                + " 'BUSINESS', now() - (g % 2880) * interval '1 minute' + case when g % 3 = 0 then interval '-1 hour'"
                + " else interval '12 hours' end, case when g > ? then 'MET' end, 1, now(), now()"
                + " from generate_series(1, ?) g", open, open, open, open + ended);
        // Their stays: an open ticket still at its waits, a resolved one left them within the last 7 days.
        jdbc.update("insert into ticket_node_visit (process_instance_id, node_instance_id, ticket_id, process_id, node_id,"
                + " entered_at, left_at, waited)"
                + " select 900000000 + t.id, p.node_instance, t.id, 'support-ticket',"
                + " case when p.node = 'TASK' then (" + TASKS + ")[1 + t.id % 6] else p.node end, t.received_at,"
                + " case when not p.waits then t.received_at when t.status = 'RESOLVED'"
                + " then t.received_at + (t.id % 600) * interval '1 minute' end, p.waits"
                + " from ticket t cross join " + PATH + " where t.sender like 'bench%@bench.example'");
        jdbc.execute("analyze ticket");
        jdbc.execute("analyze ticket_node_visit");
    }

    /** Times the calls of one URL and prints the median, p99 and the longest, after {@code warmup} calls. */
    static void time(HttpClient http, String what, String url, int warmup, int requests) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < warmup + requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = (System.nanoTime() - started) / 1_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= warmup) {
                micros.add(took);
            }
        }
        Collections.sort(micros);
        System.out.printf("%-36s median %.1f ms, p99 %.1f ms, longest %.1f ms (%d requests)%n", what,
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0, requests);
    }

    static int option(List<String> options, String name, int otherwise) {
        int at = options.indexOf(name);
        return at < 0 ? otherwise : Integer.parseInt(options.get(at + 1));
    }
}
