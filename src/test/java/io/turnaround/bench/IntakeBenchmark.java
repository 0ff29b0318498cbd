package io.turnaround.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives ticket intake of a running server over HTTP: for each client count, N threads post tickets as fast
 * as they can for a fixed time (or at a fixed total rate), then prints tickets/s, p50 and p99 latency,
 * errors, and the server's peak RSS (VmHWM of the server's pid, when given).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.IntakeBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="--url http://localhost:8080 --seconds 30 --clients 1,2,4 --pid 1234"
 * </pre>
 * It signs in once with --user/--password and posts with an API token made for the run (or --token), as a mail
 * gateway would; a BCrypt check on every request would measure the password hash rather than intake.
 * Options: --url, --user/--password (an INTAKE account), --token, --from (a client contact), --seconds, --clients
 * (comma list), --rate (total tickets/s, 0 = as fast as possible), --warmup seconds, --pid, --db (the server's
 * database's JDBC URL, with --db-user: then each run also prints what a ticket cost, see {@link TicketCosts}).
 */
public final class IntakeBenchmark {

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Bearer " + (o.token != null ? o.token
                : ApiTokens.issue(http, o.url, o.user, o.password, "intake benchmark"));
        if (o.warmupSeconds > 0) {
            run(http, auth, o, 2, o.warmupSeconds, 0);
        }
        System.out.printf("%-8s %-10s %-10s %-10s %-10s %-8s %-12s%n", "clients", "rate", "tickets/s", "p50 ms", "p99 ms",
                "errors", "server RSS");
        TicketCosts costs = o.db == null ? null : new TicketCosts(o.db, o.dbUser, o.pid);
        for (int clients : o.clients) {
            TicketCosts.Snapshot before = costs == null ? null : costs.take();
            Result r = run(http, auth, o, clients, o.seconds, o.rate);
            System.out.printf("%-8d %-10s %-10.1f %-10.1f %-10.1f %-8d %-12s%n", clients, o.rate == 0 ? "max" : o.rate + "/s",
                    r.perSecond(), r.percentile(50), r.percentile(99), r.errors, peakRss(o.pid));
            if (costs != null) {
                TicketCosts.perTicket(before, costs.take(), r.sortedNanos.length).forEach(System.out::println);
            }
        }
    }

    static Result run(HttpClient http, String auth, Options o, int clients, int seconds, double totalRate)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long intervalNanos = totalRate <= 0 ? 0 : (long) (1e9 * clients / totalRate);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                long next = System.nanoTime() + (intervalNanos * client / Math.max(1, clients));
                while (System.nanoTime() < end) {
                    if (intervalNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        next += intervalNanos;
                    }
                    String body = "{\"from\":\"" + o.from + "\",\"subject\":\"Benchmark: one user cannot log in\","
                            + "\"body\":\"client " + client + " request " + n + "\"}";
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(o.url + "/api/tickets"))
                            .header("Authorization", auth).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged, elapsed, errors.get());
    }

    private static String peakRss(String pid) {
        if (pid == null) {
            return "-";
        }
        try {
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\D+", "") + " kB").findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    record Result(long[] sortedNanos, double seconds, long errors) {
        double perSecond() {
            return sortedNanos.length / seconds;
        }

        double percentile(int p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }

    record Options(String url, String user, String password, String token, String from, int seconds, int[] clients,
                           double rate, int warmupSeconds, String pid, String db, String dbUser) {
        static Options parse(String[] args) {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Options(m.getOrDefault("url", "http://localhost:8080"), m.getOrDefault("user", "intake"),
                    m.getOrDefault("password", "demo"), m.get("token"), m.getOrDefault("from", "ops@goldcrest.example"),
                    Integer.parseInt(m.getOrDefault("seconds", "30")),
                    Arrays.stream(m.getOrDefault("clients", "1,2,4").split(",")).mapToInt(Integer::parseInt).toArray(),
                    Double.parseDouble(m.getOrDefault("rate", "0")), Integer.parseInt(m.getOrDefault("warmup", "10")),
                    m.get("pid"), m.get("db"), m.getOrDefault("db-user", "postgres"));
        }
    }
}
