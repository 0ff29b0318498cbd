package io.turnaround.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a server on PostgreSQL for a long time under steady, mixed work, and samples every minute whether anything
 * grows that should not: tickets fall due at a fixed rate and 16 clients send them (slow answers queue those due),
 * agents claim and complete their tasks as they come, one ticket in {@code --breach-every} is a Platinum emergency
 * left to breach so that the escalation timers fire (a manager then works the escalation), the outbox sends every
 * acknowledgement to a GreenMail SMTP server this program runs, and an admin runs the retention job once.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.SoakBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="--minutes 30 --rate 50 --pid 1234 --db jdbc:postgresql://127.0.0.1:5432/turnaround_soak"
 * </pre>
 * The server must send mail to 127.0.0.1:{@code --smtp-port} (3025) and, for the retention run to remove anything
 * within the soak, keep data for minutes rather than days; README, "The soak", gives the command. Each minute's line:
 * tickets taken in and failed, intake p50/p99, tasks completed, mails received, RSS, heap after the last full
 * collection, live threads, active and idle pool connections, the largest tables, and the timers' lateness.
 * Options: --url, --db/--db-user/--db-password, --minutes, --rate, --breach-every, --smtp-port, --retention-at
 * (minute), --desk-workers (4), --pid (the server's, for its RSS, and for its live heap before and after, from
 * jcmd's class histogram), --out (a CSV of the samples).
 */
public final class SoakBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("ticket", "ticket_history", "outbound_mail", "task",
            "audittaskimpl", "taskevent", "processinstancelog", "nodeinstancelog", "variableinstancelog",
            "processinstanceinfo", "qrtz_job_details", "sla_escalation");

    /**
     * Who works which queue: standard tickets go to the support desk (alice and dave, {@code --desk-workers} of them
     * in turn, each taking the tasks whose id leaves its remainder, so that they do not race for the same task),
     * emergencies to the hosting liaison, and their escalations to the support managers.
     */
    private static List<Agent> agents(int deskWorkers) {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < deskWorkers; i++) {
            agents.add(new Agent(i % 2 == 0 ? "alice" : "dave", "support-desk", deskWorkers, i));
        }
        agents.add(new Agent("hana", "hosting-liaison", 1, 0));
        agents.add(new Agent("maria", "support-managers", 1, 0));
        return agents;
    }

    private record Agent(String user, String group, int workers, int remainder) {
    }

    private final Options o;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong ticketsOk = new AtomicLong();
    private final AtomicLong ticketsFailed = new AtomicLong();
    private final AtomicLong tasksCompleted = new AtomicLong();
    private final AtomicLong agentErrors = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

    private SoakBenchmark(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        new SoakBenchmark(Options.parse(args)).run();
    }

    private void run() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(o.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String intake = "Bearer " + ApiTokens.issue(http, o.url, "intake", "demo", "soak intake");
        String admin = "Bearer " + ApiTokens.issue(http, o.url, "admin", "demo", "soak admin");
        long liveBefore = liveHeapMegabytes();
        ScheduledExecutorService arrivals = Executors.newScheduledThreadPool(1);
        ExecutorService posters = Executors.newFixedThreadPool(16);
        List<Agent> staff = agents(o.deskWorkers);
        ExecutorService agents = Executors.newFixedThreadPool(staff.size());
        AtomicLong sequence = new AtomicLong();
        arrivals.scheduleAtFixedRate(() -> {
            long n = sequence.incrementAndGet();
            posters.submit(() -> postTicket(intake, n));
        }, 0, 1_000_000 / o.rate, TimeUnit.MICROSECONDS);
        Map<String, String> tokens = new HashMap<>();
        for (Agent agent : staff) {
            String token = tokens.computeIfAbsent(agent.user(), user -> issue(user));
            agents.submit(() -> work(agent, token));
        }

        List<Map<String, Object>> samples = new ArrayList<>();
        long mails = 0;
        Instant start = Instant.now();
        try (Connection db = DriverManager.getConnection(o.db, o.dbUser, o.dbPassword)) {
            for (int minute = 1; minute <= o.minutes; minute++) {
                sleepUntil(start.plus(Duration.ofMinutes(minute)));
                mails += smtp.getReceivedMessages().length;
                smtp.purgeEmailFromAllMailboxes();
                if (minute == o.retentionAt) {
                    System.out.println("retention: " + send("POST", admin, "/api/admin/retention/run", "").body());
                }
                Map<String, Object> sample = sample(minute, admin, db, start.plus(Duration.ofMinutes(minute - 1)), mails);
                samples.add(sample);
                print(sample, minute == 1);
            }
        } finally {
            running.set(false);
            arrivals.shutdownNow();
            posters.shutdown();
            agents.shutdown();
            posters.awaitTermination(30, TimeUnit.SECONDS);
            agents.awaitTermination(30, TimeUnit.SECONDS);
            smtp.stop();
        }
        summarise(samples);
        System.out.printf("live heap after a full collection: %d MB before, %d MB after%n", liveBefore,
                liveHeapMegabytes());
        if (o.out != null) {
            writeCsv(samples, Path.of(o.out));
        }
    }

    private void postTicket(String intake, long n) {
        if (!running.get()) {
            return;
        }
        String body = n % o.breachEvery == 0
                // A Platinum emergency received 29.5 minutes ago: its 30-minute turnaround breaks in 30 s.
                ? "{\"from\":\"cto@platina.example\",\"subject\":\"Site is down\",\"body\":\"soak " + n + "\",\"receivedAt\":\""
                        + Instant.now().minus(Duration.ofMinutes(29)).minusSeconds(30) + "\"}"
                : "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Login fails\",\"body\":\"soak " + n + "\"}";
        long began = System.nanoTime();
        try {
            int status = send("POST", intake, "/api/tickets", body).statusCode();
            (status == 201 ? ticketsOk : ticketsFailed).incrementAndGet();
        } catch (Exception e) {
            ticketsFailed.incrementAndGet();
        }
        latencies.add(System.nanoTime() - began);
    }

    /** An agent's day: claim and complete what is open in their queue; an emergency only once it has breached. */
    private void work(Agent agent, String token) {
        while (running.get()) {
            try {
                JsonNode open = JSON.readTree(send("GET", token, "/api/tasks?limit=200&group=" + agent.group(), null).body());
                int done = 0;
                for (JsonNode task : open) {
                    String due = task.path("slaDueAt").asText(null);
                    boolean leftToBreach = "EMERGENCY".equals(task.path("category").asText())
                            && !"Resolve SLA breach".equals(task.path("name").asText())
                            && due != null && Instant.parse(due).plusSeconds(5).isAfter(Instant.now());
                    boolean someoneElses = task.get("id").asLong() % agent.workers() != agent.remainder()
                            || task.path("assignee").isTextual() && !agent.user().equals(task.path("assignee").asText());
                    if (leftToBreach || someoneElses || !running.get()) {
                        continue;
                    }
                    long id = task.get("id").asLong();
                    if (!task.path("assignee").isTextual() && send("POST", token, "/api/tasks/" + id + "/claim", "").statusCode() != 200) {
                        continue; // taken by someone else, or gone
                    }
                    if (send("POST", token, "/api/tasks/" + id + "/complete", "").statusCode() == 200) {
                        tasksCompleted.incrementAndGet();
                        done++;
                    } else {
                        agentErrors.incrementAndGet();
                    }
                }
                if (done == 0) {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                agentErrors.incrementAndGet();
            }
        }
    }

    private Map<String, Object> sample(int minute, String admin, Connection db, Instant since, long mails) throws Exception {
        List<Long> window = new ArrayList<>();
        for (Long l; (l = latencies.poll()) != null; ) {
            window.add(l);
        }
        Collections.sort(window);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("minute", minute);
        s.put("tickets", ticketsOk.get());
        s.put("failed", ticketsFailed.get());
        s.put("p50_ms", millis(window, 50));
        s.put("p99_ms", millis(window, 99));
        s.put("tasks_done", tasksCompleted.get());
        s.put("agent_errors", agentErrors.get());
        s.put("mails", mails);
        s.put("rss_mb", rssMegabytes());
        // The old generation after the last collection that reclaimed it, and the heap in use now.
        s.put("heap_after_gc_mb", Math.round(metric(admin, "jvm.gc.live.data.size", null) / (1 << 20)));
        s.put("heap_used_mb", Math.round(metric(admin, "jvm.memory.used", "area:heap") / (1 << 20)));
        s.put("threads", Math.round(metric(admin, "jvm.threads.live", null)));
        s.put("pool_active", Math.round(metric(admin, "jdbc.connections.active", null)));
        s.put("pool_idle", Math.round(metric(admin, "jdbc.connections.idle", null)));
        Map<String, Long> sizes = tableSizes(db);
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        s.put("tables_mb", total / (1 << 20));
        sizes.forEach((table, bytes) -> s.put(table + "_mb", bytes / (1 << 20)));
        List<Long> lateness = lateness(db, since);
        s.put("timers", lateness.size());
        s.put("late_p50_ms", lateness.isEmpty() ? 0 : lateness.get(lateness.size() / 2));
        s.put("late_p99_ms", lateness.isEmpty() ? 0 : lateness.get((int) Math.min(lateness.size() - 1, lateness.size() * 0.99)));
        return s;
    }

    private static void print(Map<String, Object> sample, boolean header) {
        List<String> shown = List.of("minute", "tickets", "failed", "p50_ms", "p99_ms", "tasks_done", "mails", "rss_mb",
                "heap_after_gc_mb", "heap_used_mb", "threads", "pool_active", "pool_idle", "tables_mb", "timers", "late_p50_ms",
                "late_p99_ms");
        if (header) {
            System.out.println(String.join("\t", shown));
        }
        System.out.println(String.join("\t", shown.stream().map(k -> String.valueOf(sample.get(k))).toList()));
    }

    /** Whether threads, connections and heap stayed flat: the first sample after warm-up against the last. */
    private void summarise(List<Map<String, Object>> samples) {
        if (samples.size() < 3) {
            return;
        }
        Map<String, Object> first = samples.get(1);
        Map<String, Object> last = samples.get(samples.size() - 1);
        System.out.printf("tickets %d, failed %d, tasks completed %d, agent errors %d%n", ticketsOk.get(),
                ticketsFailed.get(), tasksCompleted.get(), agentErrors.get());
        for (String key : List.of("threads", "pool_active", "heap_after_gc_mb", "heap_used_mb", "rss_mb", "p99_ms")) {
            System.out.printf("%s: minute 2 %s, minute %s %s, max %s%n", key, first.get(key), last.get("minute"),
                    last.get(key), samples.stream().skip(1).mapToDouble(s -> ((Number) s.get(key)).doubleValue()).max().orElse(0));
        }
    }

    private static void writeCsv(List<Map<String, Object>> samples, Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", samples.get(0).keySet()));
        samples.forEach(s -> lines.add(String.join(",", s.values().stream().map(String::valueOf).toList())));
        Files.write(file, lines);
    }

    private double metric(String admin, String name, String tag) throws Exception {
        HttpResponse<String> response = send("GET", admin, "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag), null);
        if (response.statusCode() != 200) {
            return -1;
        }
        return JSON.readTree(response.body()).path("measurements").path(0).path("value").asDouble(-1);
    }

    private long rssMegabytes() throws Exception {
        if (o.pid == null) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc", o.pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** What the server's heap holds: jcmd's class histogram collects the garbage first, then counts what is left. */
    private long liveHeapMegabytes() throws Exception {
        if (o.pid == null) {
            return -1;
        }
        Process jcmd = new ProcessBuilder("jcmd", o.pid, "GC.class_histogram").redirectErrorStream(true).start();
        String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return histogram.lines().filter(line -> line.startsWith("Total"))
                .mapToLong(line -> Long.parseLong(line.trim().split("\\s+")[2]) / (1024 * 1024)).findFirst().orElse(-1);
    }

    private static Map<String, Long> tableSizes(Connection db) throws Exception {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Statement sql = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = sql.executeQuery("select coalesce(pg_total_relation_size(to_regclass('" + table + "')), 0)")) {
                    rs.next();
                    sizes.put(table, rs.getLong(1));
                }
            }
        }
        return sizes;
    }

    /** How late each rung of the escalation ladder that fired since the given instant ran, in milliseconds, sorted. */
    private static List<Long> lateness(Connection db, Instant since) throws Exception {
        List<Long> late = new ArrayList<>();
        try (var sql = db.prepareStatement("select round(extract(epoch from (fired_at - due_at)) * 1000) from sla_escalation"
                + " where fired_at >= ? order by 1")) {
            sql.setObject(1, java.sql.Timestamp.from(since));
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    late.add(rs.getLong(1));
                }
            }
        }
        return late;
    }

    private static double millis(List<Long> sortedNanos, int percentile) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.ceil(sortedNanos.size() * percentile / 100.0) - 1);
        return Math.round(sortedNanos.get(Math.max(0, index)) / 100_000.0) / 10.0;
    }

    private String issue(String user) {
        try {
            return "Bearer " + ApiTokens.issue(http, o.url, user, "demo", "soak " + user);
        } catch (Exception e) {
            throw new IllegalStateException("no API token for " + user, e);
        }
    }

    private HttpResponse<String> send(String method, String auth, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(o.url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private record Options(String url, String db, String dbUser, String dbPassword, int minutes, int rate, int breachEvery,
                           int smtpPort, int retentionAt, int deskWorkers, String pid, String out) {

        static Options parse(String[] args) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            int minutes = Integer.parseInt(m.getOrDefault("minutes", "30"));
            return new Options(m.getOrDefault("url", "http://localhost:8080"),
                    m.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/turnaround_soak"),
                    m.getOrDefault("db-user", "postgres"), m.getOrDefault("db-password", ""), minutes,
                    Integer.parseInt(m.getOrDefault("rate", "50")), Integer.parseInt(m.getOrDefault("breach-every", "10")),
                    Integer.parseInt(m.getOrDefault("smtp-port", "3025")),
                    Integer.parseInt(m.getOrDefault("retention-at", String.valueOf(Math.max(1, minutes / 2)))),
                    Integer.parseInt(m.getOrDefault("desk-workers", "4")), m.get("pid"), m.get("out"));
        }
    }
}
