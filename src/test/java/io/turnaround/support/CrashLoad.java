package io.turnaround.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.turnaround.support.Api.bearer;

/**
 * Clients posting tickets to {@code POST /api/tickets} as fast as the server answers, until stopped or until the
 * connection is lost: every fourth ticket a Platinum emergency whose SLA timer falls due 20 s after it was sent,
 * the others standard tickets. Remembers every ticket acknowledged with 201.
 */
public final class CrashLoad implements AutoCloseable {

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;

    private CrashLoad(int clientCount) {
        this.clients = Executors.newFixedThreadPool(clientCount);
    }

    /** Starts the clients, each with its own connection from {@code api}, with a freshly issued intake token. */
    public static CrashLoad start(int clientCount, Supplier<Api> api) {
        String token = intakeToken(api.get());
        CrashLoad load = new CrashLoad(clientCount);
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            load.clients.submit(() -> load.post(client, api.get(), token));
        }
        return load;
    }

    private void post(int client, Api api, String token) {
        for (int n = 0; running.get(); n++) {
            sent.incrementAndGet();
            try {
                String body = n % 4 == 0 ? platinumEmergencyDueAt(Instant.now().plusSeconds(20))
                        : "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Login fails\",\"body\":\"" + client + "/" + n + "\"}";
                Api.Response created = api.request("POST", bearer(token), "/api/tickets", body);
                if (created.status() == 201) {
                    acknowledged.add(created.body().get("key").asText());
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    public void awaitAcknowledged(int count, Duration timeout) {
        Waits.waitUntil(() -> acknowledged.size() >= count, timeout, count + " tickets acknowledged");
    }

    /** The keys of the tickets answered with 201 so far. */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    public int sent() {
        return sent.get();
    }

    /** Stops the clients after their current request. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
    }

    public static String intakeToken(Api api) {
        Api.Response issued = api.post("intake", "/api/tokens", "{\"name\":\"test load\",\"validDays\":1}");
        if (issued.status() != 201) {
            throw new IllegalStateException("no intake token: " + issued.status() + " " + issued.text());
        }
        return issued.body().get("token").asText();
    }

    /** A Platinum emergency (30 minutes, 24x7) received so that its SLA falls due at the given instant. */
    public static String platinumEmergencyDueAt(Instant due) {
        return "{\"from\":\"cto@platina.example\",\"subject\":\"Site is down\",\"body\":\"for everyone\","
                + "\"receivedAt\":\"" + due.minus(Duration.ofMinutes(30)) + "\"}";
    }
}
