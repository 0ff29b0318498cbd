package io.turnaround.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Clients posting tickets ({@code POST /api/tickets}) to a server as a gateway would: each request with its own
 * subject and Idempotency-Key, sent again with the same key after a 503 until it is taken in, so that a ticket taken in
 * twice would show. Every attempt is recorded: when it started and ended, and how it was answered.
 */
public final class IntakeLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as sent: {@code status} 0 when no answer came (connection refused or closed). */
    public record Attempt(String subject, Instant started, Instant ended, int status, Optional<String> retryAfter,
                          String body) {

        public Duration took() {
            return Duration.between(started, ended);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tickets;
    private final String authorization;
    private final ExecutorService clients;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    /** Subject to ticket key, for every request answered 201 (or 200, a replay of one). */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile boolean paused;

    /** Starts the clients; each tries a request again (same key) until it is taken in or the load is closed. */
    public IntakeLoad(int port, String authorization, int clientCount, String label) {
        this.tickets = URI.create("http://127.0.0.1:" + port + "/api/tickets");
        this.authorization = authorization;
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            clients.submit(() -> run(label + " " + client));
        }
    }

    private void run(String client) {
        for (int n = 0; running; n++) {
            String subject = client + "/" + n;
            String key = UUID.randomUUID().toString();
            while (running) {
                if (paused) {
                    Waits.sleep(Duration.ofMillis(20));
                    continue;
                }
                Attempt attempt = send(subject, key);
                attempts.add(attempt);
                if (attempt.status() == 201 || attempt.status() == 200) {
                    acknowledged.put(subject, ticketKey(attempt.body()));
                    break;
                }
                // A gateway waits Retry-After (5 s); these clients look again sooner, to see when intake is back.
                Waits.sleep(Duration.ofMillis(100));
            }
        }
    }

    private Attempt send(String subject, String key) {
        HttpRequest request = HttpRequest.newBuilder(tickets).timeout(Duration.ofSeconds(90))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"ops@goldcrest.example\",\"subject\":\"" + subject
                        + "\",\"body\":\"Login fails for one model\"}"))
                .build();
        Instant started = Instant.now();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Attempt(subject, started, Instant.now(), answer.statusCode(),
                    answer.headers().firstValue("Retry-After"), answer.body());
        } catch (IOException e) {
            return new Attempt(subject, started, Instant.now(), 0, Optional.empty(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return new Attempt(subject, started, Instant.now(), 0, Optional.empty(), e.toString());
        }
    }

    private static String ticketKey(String body) {
        try {
            return JSON.readTree(body).get("key").asText();
        } catch (IOException e) {
            throw new IllegalStateException("not a ticket: " + body, e);
        }
    }

    /** The clients send nothing new until {@link #resume()}; requests under way finish first. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** True once a request that started at or after the instant was taken in. */
    public boolean tookInSince(Instant since) {
        return attempts.stream().anyMatch(a -> (a.status() == 201 || a.status() == 200) && !a.started().isBefore(since));
    }

    /** Stops the clients and waits for the requests under way. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("intake clients still waiting for answers after 120 s");
        }
    }
}
