package io.turnaround.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How long the studio's check takes on the shipped policy, as the editor asks for it: starts the server in this JVM
 * on a fresh PostgreSQL database (demo accounts), opens a workspace, and sends {@code --checks} checks, each with a
 * different unsaved text of {@code rules/sla.drl} (so none is answered from the compiled drafts kept), after
 * {@code --warmup} more. Prints the median, p90, p99 and the longest, measured at the client:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.StudioCheckBenchmark -Dexec.args="--checks 50"
 * </pre>
 */
public final class StudioCheckBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StudioCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int checks = option(options, "--checks", 50);
        int warmup = option(options, "--warmup", 10);
        EnginePersistence.configure();
        List<String> serverArgs = new ArrayList<>(Arrays.asList(PostgresDatabase.create().springArgsWithDemoData()));
        serverArgs.add("--server.port=0");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(TurnaroundApplication.class)
                .run(serverArgs.toArray(String[]::new))) {
            Api api = new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
            long id = api.post("andy", "/api/studio/workspaces", "{}").body().get("id").asLong();
            String sla = api.get("andy", "/api/studio/workspaces/" + id + "/file?path=rules/sla.drl").body()
                    .get("content").asText();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < warmup + checks; i++) {
                String body = JSON.createObjectNode().put("path", "rules/sla.drl")
                        .put("content", sla + "\n// typed " + i + "\n").toString();
                long started = System.nanoTime();
                JsonNode checked = api.post("andy", "/api/studio/workspaces/" + id + "/check", body).body();
                long took = (System.nanoTime() - started) / 1_000_000;
                if (!checked.get("problems").isEmpty()) {
                    throw new IllegalStateException("the shipped policy has problems: " + checked);
                }
                if (i >= warmup) {
                    millis.add(took);
                }
            }
            Collections.sort(millis);
            System.out.printf("%d checks of the shipped policy (each a new text): median %d ms, p90 %d ms, p99 %d ms,"
                    + " longest %d ms%n", checks, at(millis, 50), at(millis, 90), at(millis, 99), millis.get(millis.size() - 1));
        }
        System.exit(0);
    }

    private static long at(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static int option(List<String> options, String name, int otherwise) {
        int at = options.indexOf(name);
        return at < 0 ? otherwise : Integer.parseInt(options.get(at + 1));
    }
}
