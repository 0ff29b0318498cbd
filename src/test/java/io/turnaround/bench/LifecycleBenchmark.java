package io.turnaround.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A ticket's whole life against a running server, as fast as it goes: each client takes a ticket in (a Gold
 * request for the support desk), finds its task in the desk's list, claims it as an agent, completes it, and reads
 * the ticket back RESOLVED. Prints full lifecycles a second and each step's median and p99, and with --db what a
 * lifecycle cost ({@link TicketCosts}).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.LifecycleBenchmark \
 *     -Dexec.args="--seconds 30 --clients 4 --pid 1234 --db jdbc:postgresql://127.0.0.1:5432/turnaround_bench"
 * </pre>
 * Options: --url, --intake/--agent (demo accounts intake and alice, password demo), --from, --seconds, --clients
 * (comma list), --warmup seconds, --pid, --db, --db-user.
 */
public final class LifecycleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STEPS = List.of("intake", "find", "claim", "complete", "resolved");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.getOrDefault("url", "http://localhost:8080");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String intake = "Bearer " + ApiTokens.issue(http, url, o.getOrDefault("intake", "intake"), "demo", "lifecycle intake");
        String agent = "Bearer " + ApiTokens.issue(http, url, o.getOrDefault("agent", "alice"), "demo", "lifecycle agent");
        Client client = new Client(http, url, intake, agent, o.getOrDefault("from", "ops@goldcrest.example"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        if (warmup > 0) {
            run(client, 2, warmup);
        }
        String pid = o.get("pid");
        TicketCosts costs = o.containsKey("db") ? new TicketCosts(o.get("db"), o.getOrDefault("db-user", "postgres"), pid)
                : null;
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        for (String clients : o.getOrDefault("clients", "1,2,4").split(",")) {
            TicketCosts.Snapshot before = costs == null ? null : costs.take();
            Result r = run(client, Integer.parseInt(clients), seconds);
            StringBuilder line = new StringBuilder(String.format("clients %s: %.1f lifecycles/s (%d, %d errors);",
                    clients, r.lifecycles / r.seconds, r.lifecycles, r.errors));
            for (String step : STEPS) {
                long[] sorted = r.latencies.get(step);
                line.append(String.format(" %s p50 %.1f p99 %.1f ms;", step, percentile(sorted, 50), percentile(sorted, 99)));
            }
            System.out.println(line);
            if (costs != null) {
                TicketCosts.perTicket(before, costs.take(), r.lifecycles).forEach(System.out::println);
            }
        }
    }

    private record Result(long lifecycles, long errors, double seconds, Map<String, long[]> latencies) {
    }

    private static Result run(Client client, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Map<String, List<Long>>>> futures = new ArrayList<>();
        long[] errors = new long[clients];
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int me = c;
            futures.add(pool.submit(() -> {
                Map<String, List<Long>> times = new LinkedHashMap<>();
                STEPS.forEach(step -> times.put(step, new ArrayList<>()));
                for (int n = 0; System.nanoTime() < end; n++) {
                    if (!client.lifecycle(me, n, times)) {
                        errors[me]++;
                    }
                }
                return times;
            }));
        }
        Map<String, long[]> merged = new LinkedHashMap<>();
        List<Map<String, List<Long>>> all = new ArrayList<>();
        for (Future<Map<String, List<Long>>> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        for (String step : STEPS) {
            merged.put(step, all.stream().flatMap(t -> t.get(step).stream()).mapToLong(Long::longValue).sorted().toArray());
        }
        return new Result(merged.get("resolved").length, Arrays.stream(errors).sum(), elapsed, merged);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private record Client(HttpClient http, String url, String intake, String agent, String from) {

        /** One ticket from intake to resolved; false at the first step that failed. */
        boolean lifecycle(int client, int n, Map<String, List<Long>> times) throws Exception {
            long t = System.nanoTime();
            HttpResponse<String> created = send("POST", intake, "/api/tickets", "{\"from\":\"" + from
                    + "\",\"subject\":\"Lifecycle: one user cannot log in\",\"body\":\"client " + client + " ticket " + n + "\"}");
            if (created.statusCode() != 201) {
                return false;
            }
            t = timed(times, "intake", t);
            String key = JSON.readTree(created.body()).get("key").asText();
            Long task = null;
            for (JsonNode row : JSON.readTree(send("GET", agent, "/api/tasks?group=support-desk&limit=1000", null).body())) {
                if (key.equals(row.path("ticketKey").asText())) {
                    task = row.get("id").asLong();
                }
            }
            if (task == null) {
                return false;
            }
            t = timed(times, "find", t);
            if (send("POST", agent, "/api/tasks/" + task + "/claim", "").statusCode() != 200) {
                return false;
            }
            t = timed(times, "claim", t);
            if (send("POST", agent, "/api/tasks/" + task + "/complete", "").statusCode() != 200) {
                return false;
            }
            t = timed(times, "complete", t);
            HttpResponse<String> ticket = send("GET", agent, "/api/tickets/" + key, null);
            if (ticket.statusCode() != 200 || !"RESOLVED".equals(JSON.readTree(ticket.body()).path("status").asText())) {
                return false;
            }
            timed(times, "resolved", t);
            return true;
        }

        private static long timed(Map<String, List<Long>> times, String step, long since) {
            long now = System.nanoTime();
            times.get(step).add(now - since);
            return now;
        }

        private HttpResponse<String> send(String method, String auth, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(30));
            if (body != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
