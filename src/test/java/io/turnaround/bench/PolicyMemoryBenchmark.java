package io.turnaround.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import org.jbpm.services.api.DeploymentService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Whether policy versions that no running process uses any more are let go: starts the server in this JVM on a fresh
 * PostgreSQL database (demo accounts), then, round after round, uploads the active bundle changed by a comment,
 * activates it, and runs one ticket through it (taken in, claimed, completed). The heap after a full GC is reported
 * at the start, every {@code --every} rounds and at the end, with the versions the engine still has deployed. Run it
 * with a small heap, as in README's "Retention":
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.turnaround.bench.PolicyMemoryBenchmark --rounds 100 --every 10
 * </pre>
 */
public final class PolicyMemoryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TICKET = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"One user cannot log in\","
            + "\"body\":\"since the policy changed\"}";

    private PolicyMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int rounds = Integer.parseInt(option(options, "--rounds", "100"));
        int every = Integer.parseInt(option(options, "--every", "10"));
        EnginePersistence.configure();
        List<String> serverArgs = new ArrayList<>(Arrays.asList(PostgresDatabase.create().springArgsWithDemoData()));
        serverArgs.addAll(List.of("--server.port=0", "--logging.level.root=WARN", "--turnaround.retention.cron=-",
                // Only the unloading that follows each activation: the periodic one would blur the figures.
                "--turnaround.policy.unload-unused-every=PT24H"));
        ConfigurableApplicationContext server = new SpringApplicationBuilder(TurnaroundApplication.class)
                .run(serverArgs.toArray(String[]::new));
        try {
            String url = "http://localhost:" + ((ServletWebServerApplicationContext) server).getWebServer().getPort();
            DeploymentService engine = server.getBean(DeploymentService.class);
            runTicket(url);
            System.out.printf("max heap %d MB; %d rounds of upload + activation + one ticket%n",
                    Runtime.getRuntime().maxMemory() >> 20, rounds);
            System.out.printf("%-8s %-16s %-10s %-14s %s%n", "round", "heap after GC", "deployed", "seconds", "held");
            Instant started = Instant.now();
            double start = report(0, engine, started);
            double last = start;
            for (int round = 1; round <= rounds; round++) {
                int old = call("GET", url + "/api/policy", "admin", null, null).get("policyVersion").asInt();
                byte[] bundle = HTTP.send(request("GET", url + "/api/policy/versions/" + old + "/bundle", "admin", null,
                        null), HttpResponse.BodyHandlers.ofByteArray()).body();
                JsonNode upload = call("POST", url + "/api/policy/versions?description=memory+benchmark", "admin",
                        "application/zip", PolicyBundles.withComment(bundle, "// memory benchmark, round " + round));
                int draft = upload.at("/version/number").asInt();
                call("POST", url + "/api/policy/versions/" + draft + "/activation", "admin", "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8));
                runTicket(url);
                if (round % every == 0 || round == rounds) {
                    last = report(round, engine, started);
                }
            }
            System.out.printf("%nheap after GC: %.1f MB at the start, %.1f MB at the end (%+.1f %%)%n", start, last,
                    100 * (last - start) / start);
        } finally {
            server.close();
        }
    }

    /** One ticket through the active version: taken in, claimed and completed, so its process ends. */
    private static void runTicket(String url) throws Exception {
        String key = call("POST", url + "/api/tickets", "intake", "application/json",
                TICKET.getBytes(StandardCharsets.UTF_8)).get("key").asText();
        for (JsonNode task : call("GET", url + "/api/tasks?group=support-desk", "alice", null, null)) {
            if (key.equals(task.get("ticketKey").asText())) {
                long id = task.get("id").asLong();
                call("POST", url + "/api/tasks/" + id + "/claim", "alice", null, null);
                call("POST", url + "/api/tasks/" + id + "/complete", "alice", null, null);
                return;
            }
        }
        throw new IllegalStateException("no task for " + key);
    }

    private static double report(int round, DeploymentService engine, Instant started) throws InterruptedException {
        double mb = heapAfterFullGc() / (1024.0 * 1024.0);
        System.out.printf("%-8d %-16s %-10d %-14d %s%n", round, String.format("%.1f MB", mb), engine.getDeployedUnits().size(),
                Duration.between(started, Instant.now()).toSeconds(), held(engine));
        return mb;
    }

    /** How many entries the engines' own registries hold: named KIE containers, KIE modules, the task service's marshallers. */
    private static String held(DeploymentService engine) {
        Object kie = org.kie.api.KieServices.get();
        Object repository = org.kie.api.KieServices.get().getRepository();
        return "containers " + size(kie, "kContainers") + ", modules " + size(repository, "kieModuleRepo", "kieModules")
                + "/" + size(repository, "kieModuleRepo", "oldKieModules")
                + ", task content marshallers " + size(org.jbpm.services.task.impl.TaskContentRegistry.get(),
                "marhsalContexts");
    }

    private static String size(Object target, String... path) {
        try {
            Object value = target;
            for (String name : path) {
                java.lang.reflect.Field field = null;
                for (Class<?> type = value.getClass(); field == null && type != null; type = type.getSuperclass()) {
                    try {
                        field = type.getDeclaredField(name);
                    } catch (NoSuchFieldException e) {
                        // look in the superclass
                    }
                }
                if (field == null) {
                    return "?";
                }
                field.setAccessible(true);
                value = field.get(value);
            }
            return value instanceof java.util.Map<?, ?> map ? String.valueOf(map.size())
                    : value instanceof java.util.Collection<?> c ? String.valueOf(c.size()) : "?";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "?";
        }
    }

    /** The heap in use after full collections, once it no longer shrinks. */
    private static long heapAfterFullGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static JsonNode call(String method, String url, String user, String type, byte[] body) throws Exception {
        HttpResponse<String> response = HTTP.send(request(method, url, user, type, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    private static HttpRequest request(String method, String url, String user, String type, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return request.build();
    }

    private static String option(List<String> options, String name, String otherwise) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : otherwise;
    }
}
