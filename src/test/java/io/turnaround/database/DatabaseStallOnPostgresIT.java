package io.turnaround.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.support.Api;
import io.turnaround.support.CrashLoad;
import io.turnaround.support.TcpProxy;
import io.turnaround.support.IntakeLoad;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.ServerProcess;
import io.turnaround.support.TicketLedger;
import io.turnaround.support.Waits;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.turnaround.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's PostgreSQL is reached through a proxy that stalls (accepts, never answers), cuts every connection, and
 * plays a restart (cut, then refuse connections for a few seconds), while 4 clients post tickets. Requests are refused
 * fast with 503 and Retry-After while the database does not answer, readiness goes DOWN, intake comes back by itself
 * within 10 s each time, every ticket acknowledged is whole and none is taken in twice, and the server's threads and
 * pooled connections are back to what they were when idle.
 */
class DatabaseStallOnPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStallOnPostgresIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FAST = Duration.ofSeconds(10);
    /** Tomcat's and the fork-join pool's spare threads end after 60 s without work. */
    private static final Duration SPARE_THREADS_KEPT = Duration.ofSeconds(90);
    /** Longer than any scheduler holds a connection for its periodic work. */
    private static final Duration CONNECTIONS_GIVEN_BACK = Duration.ofSeconds(30);
    /** The load comes from one address, which would otherwise be acknowledged 5 times an hour. */
    static final String ONE_SENDER_ACKNOWLEDGED_EVERY_TIME = "--turnaround.mail.acknowledgement-limit.max=1000000";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void stalledCutAndRestartedDatabaseIsRefusedFastAndIntakeComesBackWithNothingLostOrDoubled() throws Exception {
        PostgresDatabase database = PostgresDatabase.create();
        TicketLedger ledger = new TicketLedger(database);
        String[] hostAndPort = database.url().replaceFirst("jdbc:postgresql://", "").split("/")[0].split(":");
        try (TcpProxy proxy = new TcpProxy(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
             ServerProcess server = ServerProcess.startWithDatabaseUrl(database, proxy.url(database.url()), "stall",
                     ONE_SENDER_ACKNOWLEDGED_EVERY_TIME)) {
            String token = CrashLoad.intakeToken(server.api());
            IntakeLoad intake = new IntakeLoad(server.port(), bearer(token), 4, "stall");
            try {
                Waits.waitUntil(() -> intake.acknowledged().size() >= 40, Duration.ofSeconds(60), "40 tickets taken in");
                Idle idle = idleWhilePaused(server, intake);
                log.info("idle: {}", idle);

                Instant stalled = Instant.now();
                proxy.stall();
                Duration notReady = awaitReadiness(server, 503);
                assertPageSaysTheDatabaseDoesNotAnswer(server);
                Waits.sleep(Duration.ofSeconds(4));
                Instant restored = Instant.now();
                proxy.restore();
                Duration back = awaitIntakeSince(intake, restored);
                List<IntakeLoad.Attempt> duringStall = underWayBetween(intake, stalled, restored);
                log.info("stall: readiness DOWN after {} ms, intake back {} ms after the database; {} requests during it",
                        notReady.toMillis(), back.toMillis(), duringStall.size());
                assertThat(notReady).as("readiness DOWN after the stall began").isLessThan(FAST);
                assertThat(back).as("intake back after the stall").isLessThan(FAST);
                assertRefusedFast(duringStall, restored);

                Instant cut = Instant.now();
                proxy.cut();
                Duration backAfterCut = awaitIntakeSince(intake, cut);
                log.info("cut: intake back after {} ms", backAfterCut.toMillis());
                assertThat(backAfterCut).as("intake back after every connection was cut").isLessThan(FAST);

                Instant down = Instant.now();
                proxy.refuse();
                proxy.cut();
                Duration notReadyInRestart = awaitReadiness(server, 503);
                Waits.sleep(Duration.ofSeconds(3));
                Instant up = Instant.now();
                proxy.restore();
                Duration backAfterRestart = awaitIntakeSince(intake, up);
                List<IntakeLoad.Attempt> duringRestart = underWayBetween(intake, down, up);
                log.info("restart: readiness DOWN after {} ms, intake back {} ms after the database; {} requests during it",
                        notReadyInRestart.toMillis(), backAfterRestart.toMillis(), duringRestart.size());
                assertThat(backAfterRestart).as("intake back after the restart").isLessThan(FAST);
                assertRefusedFast(duringRestart, up);
                assertThat(readiness(server)).isEqualTo(200);

                Idle after = idleWhilePaused(server, intake);
                log.info("idle after: {}", after);
                // The schedulers borrow a connection now and then (Quartz's cluster check-in), so one may be in use
                // at any moment; a connection the outage leaked is never given back.
                intake.pause();
                Map<String, Long> none = Map.of("dataSource", 0L, "quartzNotManagedDataSource", 0L);
                Waits.within(() -> connectionsInUse(server).equals(none), CONNECTIONS_GIVEN_BACK);
                assertThat(connectionsInUse(server)).as("pooled connections in use").isEqualTo(none);
                // Pools that grew under the outage (Tomcat's, the common fork-join pool) let their spare threads go
                // after 60 s idle; a thread stuck on the database never goes.
                boolean threadsBack = Waits.within(() -> metric(server, "jvm.threads.live", null) <= idle.threads(),
                        SPARE_THREADS_KEPT);
                assertThat(threadsBack).as(() -> String.format("live threads back to %d within %s; now %d: %s",
                        idle.threads(), SPARE_THREADS_KEPT, metric(server, "jvm.threads.live", null),
                        server.threadNames())).isTrue();
            } finally {
                intake.close();
            }
            List<IntakeLoad.Attempt> unexpected = intake.attempts().stream()
                    .filter(a -> a.status() != 201 && a.status() != 200 && a.status() != 503).collect(Collectors.toList());
            assertThat(unexpected).as("answers other than 201, 200 (a replay) and 503").isEmpty();
            Map<String, String> acknowledged = intake.acknowledged();
            log.info("{} requests, {} tickets taken in", intake.attempts().size(), acknowledged.size());

            assertThat(acknowledged.values()).allSatisfy(key -> assertThat(ledger.exists(key)).as(key).isTrue());
            assertThat(ledger.subjectsTakenTwice()).as("requests taken in twice").isEmpty();
            assertThat(ledger.withoutProcess()).as("half-made tickets").isEmpty();
            assertThat(ledger.notExactlyOneWorkTask()).as("tickets without exactly one task").isEmpty();
            assertThat(ledger.pendingWithoutExactlyOneTimer()).as("pending tickets without exactly one timer").isEmpty();
            assertThat(ledger.notExactlyOneAcknowledgement()).as("tickets without exactly one acknowledgement").isEmpty();
        }
    }

    /** Every request the outage caught or that was sent during it was answered within 10 s: 503 with Retry-After. */
    private static void assertRefusedFast(List<IntakeLoad.Attempt> attempts, Instant databaseBack) {
        assertThat(attempts).isNotEmpty();
        for (IntakeLoad.Attempt attempt : attempts) {
            // A refusal comes within 10 s; a request the database took once back, within 10 s of its coming back.
            Instant from = attempt.status() == 503 || attempt.started().isAfter(databaseBack) ? attempt.started()
                    : databaseBack;
            assertThat(attempt.ended()).as("%s answered %d after %d ms", attempt.subject(), attempt.status(),
                    attempt.took().toMillis()).isBefore(from.plus(FAST));
            if (attempt.status() == 503) {
                assertThat(attempt.retryAfter()).as("Retry-After of %s", attempt.body()).isPresent();
                assertThat(attempt.body()).contains("\"status\":503");
            }
        }
    }

    /** A browser asking for a page meanwhile gets a page, not a problem body, that reloads itself later. */
    private void assertPageSaysTheDatabaseDoesNotAnswer(ServerProcess server) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/tasks")).header("Accept", "text/html,application/xhtml+xml").timeout(Duration.ofSeconds(10)));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(page.body()).contains("Turnaround cannot reach its database just now")
                .contains("<meta http-equiv=\"refresh\" content=\"" + page.headers().firstValue("Retry-After")
                        .orElseThrow() + "\">");
    }

    /** Requests under way at some moment between the two instants: those the outage caught, and those sent during it. */
    private static List<IntakeLoad.Attempt> underWayBetween(IntakeLoad intake, Instant from, Instant to) {
        return intake.attempts().stream().filter(a -> a.ended().isAfter(from) && a.started().isBefore(to))
                .collect(Collectors.toList());
    }

    private static Duration awaitIntakeSince(IntakeLoad intake, Instant since) {
        Waits.waitUntil(() -> intake.tookInSince(since), Duration.ofSeconds(30), "a ticket taken in");
        return Duration.between(since, intake.attempts().stream()
                .filter(a -> (a.status() == 201 || a.status() == 200) && !a.started().isBefore(since))
                .map(IntakeLoad.Attempt::ended).min(Instant::compareTo).orElseThrow());
    }

    private Duration awaitReadiness(ServerProcess server, int status) {
        Instant from = Instant.now();
        Waits.waitUntil(() -> readiness(server) == status, Duration.ofSeconds(30), "readiness answering " + status);
        return Duration.between(from, Instant.now());
    }

    private int readiness(ServerProcess server) {
        return get(server, "/actuator/health/readiness", null).statusCode();
    }

    /** What the server holds when nothing is asked of it: live threads, and connections in use in each pool. */
    private record Idle(long threads, Map<String, Long> connectionsInUse) {
    }

    private Idle idleWhilePaused(ServerProcess server, IntakeLoad intake) {
        intake.pause();
        Waits.sleep(Duration.ofSeconds(3)); // requests under way end, and the server's work after them (outbox, timers)
        Idle idle = new Idle(metric(server, "jvm.threads.live", null), connectionsInUse(server));
        intake.resume();
        return idle;
    }

    private Map<String, Long> connectionsInUse(ServerProcess server) {
        return Map.of("dataSource", metric(server, "jdbc.connections.active", "name:dataSource"),
                "quartzNotManagedDataSource", metric(server, "jdbc.connections.active", "name:quartzNotManaged"));
    }

    private long metric(ServerProcess server, String name, String tag) {
        HttpResponse<String> answer = get(server, "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag),
                Api.basic("admin"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        try {
            JsonNode measurements = JSON.readTree(answer.body()).get("measurements");
            return Math.round(measurements.get(0).get("value").asDouble());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(ServerProcess server, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
