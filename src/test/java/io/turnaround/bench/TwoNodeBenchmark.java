package io.turnaround.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two nodes on one PostgreSQL database, under intake on both at once: each node gets its own clients posting as fast
 * as they can (IntakeBenchmark's load), while Platinum emergencies received 29.5 minutes ago (so due 30 seconds after
 * they are posted, on the shipped policy) go to both nodes in turn, so that SLA timers fall due all through the load.
 * Prints each node's and the total rate, then, once every timer has fired, how late they fired (due instant to
 * firing, from the ladder's log) and whether any fired twice.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.TwoNodeBenchmark \
 *     -Dexec.args="--urls http://localhost:8080,http://localhost:8081 --seconds 60 --clients 4 \
 *     --db jdbc:postgresql://127.0.0.1:5432/turnaround_bench"
 * </pre>
 * Options: --urls, --seconds, --clients (per node), --timers-every (milliseconds between emergencies, 500), --db,
 * --db-user, --warmup seconds (per node, before).
 */
public final class TwoNodeBenchmark {

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<String> urls = Arrays.asList(m.getOrDefault("urls", "http://localhost:8080,http://localhost:8081").split(","));
        int seconds = Integer.parseInt(m.getOrDefault("seconds", "60"));
        int clients = Integer.parseInt(m.getOrDefault("clients", "4"));
        long timersEvery = Long.parseLong(m.getOrDefault("timers-every", "500"));
        int warmup = Integer.parseInt(m.getOrDefault("warmup", "30"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = new ArrayList<>();
        for (String url : urls) {
            tokens.add("Bearer " + ApiTokens.issue(http, url, "intake", "demo", "two-node benchmark"));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(urls.size() + 1);
        if (warmup > 0) {
            List<Future<IntakeBenchmark.Result>> warming = new ArrayList<>();
            for (int n = 0; n < urls.size(); n++) {
                IntakeBenchmark.Options o = options(urls.get(n), warmup);
                String token = tokens.get(n);
                warming.add(nodes.submit(() -> IntakeBenchmark.run(http, token, o, 2, warmup, 0)));
            }
            for (Future<IntakeBenchmark.Result> f : warming) {
                f.get();
            }
        }

        Instant from = Instant.now();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong emergencies = new AtomicLong();
        Future<?> timers = nodes.submit(() -> {
            for (int n = 0; loading.get(); n++) {
                String body = "{\"from\":\"cto@platina.example\",\"subject\":\"Site is down\",\"body\":\"two nodes " + n
                        + "\",\"receivedAt\":\"" + Instant.now().minus(Duration.ofMinutes(29)).minusSeconds(30) + "\"}";
                int node = n % urls.size();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(urls.get(node) + "/api/tickets"))
                        .header("Authorization", tokens.get(node)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    emergencies.incrementAndGet();
                }
                Thread.sleep(timersEvery);
            }
            return null;
        });
        List<Future<IntakeBenchmark.Result>> load = new ArrayList<>();
        for (int n = 0; n < urls.size(); n++) {
            IntakeBenchmark.Options o = options(urls.get(n), seconds);
            String token = tokens.get(n);
            load.add(nodes.submit(() -> IntakeBenchmark.run(http, token, o, clients, seconds, 0)));
        }
        double total = 0;
        for (int n = 0; n < urls.size(); n++) {
            IntakeBenchmark.Result r = load.get(n).get();
            total += r.perSecond();
            System.out.printf("node %s: %.1f tickets/s at %d clients, p50 %.1f ms, p99 %.1f ms, %d errors%n", urls.get(n),
                    r.perSecond(), clients, r.percentile(50), r.percentile(99), r.errors());
        }
        loading.set(false);
        timers.get();
        nodes.shutdown();
        System.out.printf("together: %.1f tickets/s (and %d emergencies whose timers fire during the load)%n", total,
                emergencies.get());
        if (m.containsKey("db")) {
            lateness(m.get("db"), m.getOrDefault("db-user", "postgres"), from, emergencies.get());
        }
    }

    private static IntakeBenchmark.Options options(String url, int seconds) {
        return new IntakeBenchmark.Options(url, "intake", "demo", null, "ops@goldcrest.example", seconds, new int[] {4}, 0,
                0, null, null, null);
    }

    /** Waits until each emergency's breach has fired, then reads how late, where, and whether once. */
    private static void lateness(String url, String user, Instant from, long expected) throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            Instant deadline = Instant.now().plusSeconds(120);
            long fired = 0;
            while (Instant.now().isBefore(deadline)) {
                fired = count(db, "select count(*) from sla_escalation e join ticket t on t.id = e.ticket_id"
                        + " where e.action = 'BREACH' and t.received_at >= ?", from.minus(Duration.ofMinutes(30)));
                if (fired >= expected) {
                    break;
                }
                Thread.sleep(1000);
            }
            List<Double> late = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("select extract(epoch from (e.fired_at - e.due_at)) * 1000"
                    + " from sla_escalation e join ticket t on t.id = e.ticket_id where e.action = 'BREACH'"
                    + " and t.received_at >= ? order by 1")) {
                q.setObject(1, java.sql.Timestamp.from(from.minus(Duration.ofMinutes(30))));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        late.add(Math.max(0, rs.getDouble(1)));
                    }
                }
            }
            long twice = count(db, "select count(*) from (select e.ticket_id from sla_escalation e join ticket t on"
                    + " t.id = e.ticket_id where e.action = 'BREACH' and t.received_at >= ? group by e.ticket_id"
                    + " having count(*) > 1) x", from.minus(Duration.ofMinutes(30)));
            System.out.printf("timers: %d of %d fired, %d twice; lateness p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, worst %.0f ms%n",
                    fired, expected, twice, at(late, 50), at(late, 90), at(late, 99), late.isEmpty() ? Double.NaN
                            : late.get(late.size() - 1));
        }
    }

    private static long count(Connection db, String sql, Instant since) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, java.sql.Timestamp.from(since));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double at(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
