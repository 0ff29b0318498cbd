package io.turnaround.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.support.Api;
import io.turnaround.support.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as its own process with the {@code json} log: every line it writes is a JSON object, and the intake of
 * one ticket logs its key, its request id (the caller's X-Request-Id, returned in the response) and its user on
 * every line it causes. An id the caller may not choose is replaced, and a refusal is traced too.
 */
class RequestTracingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServerProcess server;

    @BeforeAll
    static void start() throws IOException {
        // A fresh node: its log and H2 files would otherwise hold an earlier run's lines and tickets.
        FileSystemUtils.deleteRecursively(ServerProcess.h2Directory("tracing-json"));
        // The tests' own logback-test.xml would otherwise win over the server's configuration.
        server = ServerProcess.startOnH2("tracing-json", "--spring.profiles.active=demo,json",
                "--logging.config=classpath:logback-spring.xml");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theIntakeOfOneTicketLogsItsKeyRequestIdAndUserOnEveryLineItCauses() throws Exception {
        HttpResponse<String> created = post("intake-7f3a9c", Api.basic("intake", "demo"),
                "{\"from\":\"owner@bluebird.example\",\"subject\":\"Site is down\",\"body\":\"Nothing loads.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Request-Id")).contains("intake-7f3a9c");
        String key = JSON.readTree(created.body()).get("key").asText();

        List<JsonNode> lines = logLines();
        List<JsonNode> ofTheRequest = lines.stream().filter(line -> "intake-7f3a9c".equals(text(line, "requestId"))).toList();
        assertThat(ofTheRequest).as("the intake's lines").isNotEmpty()
                .anySatisfy(line -> assertThat(text(line, "message")).contains(key + " received via API"));
        assertThat(ofTheRequest).allSatisfy(line -> {
            assertThat(text(line, "ticket")).as(line.toString()).isEqualTo(key);
            assertThat(text(line, "user")).as(line.toString()).isEqualTo("intake");
        });
        assertThat(lines.stream().filter(line -> text(line, "message") != null && text(line, "message").contains(key)))
                .allSatisfy(line -> {
                    assertThat(text(line, "ticket")).as(line.toString()).isEqualTo(key);
                    assertThat(text(line, "requestId")).as(line.toString()).isNotBlank();
                });
    }

    @Test
    void anIdTheCallerMayNotChooseIsReplacedAndARefusalIsTracedToo() throws Exception {
        HttpResponse<String> forged = post("x".repeat(65), Api.basic("intake", "demo"), "{}");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("req-[0-9a-f]{16}"));

        HttpResponse<String> refused = post("refused-1", Api.basic("intake", "wrong password"), "{}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Request-Id")).contains("refused-1");

        HttpResponse<String> none = post(null, Api.basic("intake", "demo"), "{}");
        assertThat(none.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("req-[0-9a-f]{16}"));
    }

    @Test
    void everyLineTheServerWritesIsAJsonObject() throws IOException {
        List<String> raw = Files.readAllLines(server.log()).stream().filter(line -> line.startsWith("{")).toList();
        assertThat(raw).hasSizeGreaterThan(10);
        // Only the JVM's own words (e.g. a warning before logging starts) may be other than JSON.
        assertThat(Files.readAllLines(server.log()).stream().filter(line -> !line.isBlank() && !line.startsWith("{")))
                .allSatisfy(line -> assertThat(line).doesNotContain(" INFO ", " WARN ", " ERROR "));
        for (String line : raw) {
            JsonNode json = JSON.readTree(line);
            assertThat(json.has("@timestamp") && json.has("level") && json.has("message")).as(line).isTrue();
        }
    }

    private static HttpResponse<String> post(String requestId, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/tickets"))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> logLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(server.log())) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static String text(JsonNode line, String field) {
        return line.hasNonNull(field) ? line.get(field).asText() : null;
    }
}
