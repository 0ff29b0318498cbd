package io.turnaround.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures a policy activation on a running server while tickets arrive at a fixed rate: per round, the active
 * bundle is downloaded, changed by a comment, uploaded (compiled and checked) and activated; intake latency is
 * recorded before, during and after the activation, and every ticket's version is checked against when it came.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.ActivationBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="--url http://localhost:8080 --rounds 5 --rate 20"
 * </pre>
 * Options: --url, --rounds, --rate (tickets/s), --clients, --before and --after (seconds of load around each
 * activation), --admin/--password (an ADMIN account), --intake/--intake-password (an INTAKE account), --from.
 */
public final class ActivationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One intake request: when it started and ended (nanoTime), its status and the version that decided it. */
    private record Intake(long started, long ended, int status, int version) {
        double millis() {
            return (ended - started) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String url = o.getOrDefault("url", "http://localhost:8080");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String admin = "Basic " + Base64.getEncoder().encodeToString((o.getOrDefault("admin", "admin") + ":"
                + o.getOrDefault("password", "demo")).getBytes(StandardCharsets.UTF_8));
        String intake = "Bearer " + ApiTokens.issue(http, url, o.getOrDefault("intake", "intake"),
                o.getOrDefault("intake-password", "demo"), "activation benchmark");
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "20"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        Duration before = Duration.ofSeconds(Long.parseLong(o.getOrDefault("before", "5")));
        Duration after = Duration.ofSeconds(Long.parseLong(o.getOrDefault("after", "5")));
        String ticket = "{\"from\":\"" + o.getOrDefault("from", "ops@goldcrest.example")
                + "\",\"subject\":\"Benchmark: one user cannot log in\",\"body\":\"during a policy activation\"}";

        List<Double> uploads = new ArrayList<>();
        List<Double> activations = new ArrayList<>();
        List<Intake> during = new ArrayList<>();
        List<Intake> outside = new ArrayList<>();
        int errors = 0;
        int misdecided = 0;
        System.out.printf("%-6s %-10s %-13s %-14s %-8s %-10s %-10s %-10s %-7s%n", "round", "upload ms", "activate ms",
                "upload->active", "during", "p50 ms", "p99 ms", "max ms", "errors");
        for (int round = 1; round <= rounds; round++) {
            int old = send(http, get(url + "/api/policy", admin)).get("policyVersion").asInt();
            byte[] bundle = http.send(get(url + "/api/policy/versions/" + old + "/bundle", admin),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            long uploadStart = System.nanoTime();
            JsonNode upload = send(http, post(url + "/api/policy/versions?description=activation+benchmark", admin,
                    "application/zip", PolicyBundles.withComment(bundle, "// activation benchmark, round " + round + " at " + Instant.now())));
            double uploadMs = (System.nanoTime() - uploadStart) / 1e6;
            int draft = upload.at("/version/number").asInt();
            if (!"DRAFT".equals(upload.at("/version/state").asText())) {
                throw new IllegalStateException("the upload was not accepted: " + upload);
            }

            List<Intake> intakes = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> load = startLoad(http, url, intake, ticket, rate, clients, running, intakes);
            TimeUnit.MILLISECONDS.sleep(before.toMillis());
            long activationStart = System.nanoTime();
            send(http, post(url + "/api/policy/versions/" + draft + "/activation", admin, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8)));
            long activationEnd = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(after.toMillis());
            running.set(false);
            for (Thread t : load) {
                t.join();
            }

            double activationMs = (activationEnd - activationStart) / 1e6;
            uploads.add(uploadMs);
            activations.add(activationMs);
            List<Intake> overlapping = intakes.stream()
                    .filter(i -> i.ended() > activationStart && i.started() < activationEnd).toList();
            during.addAll(overlapping);
            outside.addAll(intakes.stream().filter(i -> !overlapping.contains(i)).toList());
            int roundErrors = (int) intakes.stream().filter(i -> i.status() != 201).count();
            errors += roundErrors;
            // A ticket that ended before the activation began must be on the old version, one started after it ended
            // on the new one; any other version would be a half-deployed or wrong version.
            misdecided += (int) intakes.stream().filter(i -> i.status() == 201 && (i.version() != old && i.version() != draft
                    || i.ended() < activationStart && i.version() != old
                    || i.started() > activationEnd && i.version() != draft)).count();
            System.out.printf("%-6d %-10.0f %-13.0f %-14.0f %-8d %-10.1f %-10.1f %-10.1f %-7d%n", round, uploadMs,
                    activationMs, uploadMs + activationMs, overlapping.size(), percentile(overlapping, 50),
                    percentile(overlapping, 99), percentile(overlapping, 100), roundErrors);
        }
        System.out.printf("%nupload: median %.0f ms; activation: median %.0f ms, worst %.0f ms%n", median(uploads),
                median(activations), Collections.max(activations));
        System.out.printf("intake overlapping an activation: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                during.size(), percentile(during, 50), percentile(during, 99), percentile(during, 100));
        System.out.printf("intake otherwise: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", outside.size(),
                percentile(outside, 50), percentile(outside, 99), percentile(outside, 100));
        System.out.printf("failed requests: %d; tickets decided by an unexpected version: %d%n", errors, misdecided);
    }

    private static List<Thread> startLoad(HttpClient http, String url, String auth, String ticket, double rate,
                                          int clients, AtomicBoolean running, List<Intake> intakes) {
        long interval = (long) (1e9 * clients / rate);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long offset = interval * c / clients;
            Thread thread = new Thread(() -> {
                long next = System.nanoTime() + offset;
                while (running.get()) {
                    try {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        next += interval;
                        long started = System.nanoTime();
                        HttpResponse<String> response = http.send(post(url + "/api/tickets", auth, "application/json",
                                ticket.getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
                        int version = response.statusCode() == 201
                                ? JSON.readTree(response.body()).get("policyVersion").asInt() : -1;
                        intakes.add(new Intake(started, System.nanoTime(), response.statusCode(), version));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        intakes.add(new Intake(System.nanoTime(), System.nanoTime(), -1, -1));
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private static HttpRequest get(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(60))
                .GET().build();
    }

    private static HttpRequest post(String url, String auth, String type, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", type)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static JsonNode send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static double percentile(List<Intake> intakes, int p) {
        double[] sorted = intakes.stream().filter(i -> i.status() == 201).mapToDouble(Intake::millis).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
