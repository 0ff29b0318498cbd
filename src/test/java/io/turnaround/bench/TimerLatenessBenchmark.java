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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Measures SLA timer lateness (due instant to firing) with thousands of timers pending. It takes in --tickets
 * Platinum emergencies whose breach falls due at random moments spread over --spread seconds, starting --lead
 * seconds from now (their earlier rungs have passed, so each ticket has exactly one pending timer, and all are
 * pending before the first is due); then it waits until every one has fired and prints the lateness p50, p90, p99
 * and worst, read from the ladder's log (table sla_escalation) in the server's database.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.TimerLatenessBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="--tickets 3000 --lead 120 --spread 180 --db jdbc:postgresql://127.0.0.1:5432/turnaround_bench"
 * </pre>
 * Options: --url, --user/--password (an INTAKE account), --from (a Platinum client's contact), --tickets, --lead,
 * --spread, --clients (parallel posters), --db/--db-user/--db-password (the server's PostgreSQL).
 */
public final class TimerLatenessBenchmark {

    private static final Duration PLATINUM_EMERGENCY = Duration.ofMinutes(30);

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int tickets = Integer.parseInt(o.get("tickets"));
        Duration lead = Duration.ofSeconds(Long.parseLong(o.get("lead")));
        Duration spread = Duration.ofSeconds(Long.parseLong(o.get("spread")));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Bearer " + ApiTokens.issue(http, o.get("url"), o.get("user"), o.get("password"), "lateness benchmark");

        Instant firstDue = Instant.now().plus(lead);
        List<Long> ids = intake(http, auth, o, tickets, firstDue, spread);
        Instant madeAt = Instant.now();
        System.out.printf("%d tickets taken in by %s; first due %s, last due %s%n", ids.size(), madeAt, firstDue,
                firstDue.plus(spread));
        if (madeAt.isAfter(firstDue)) {
            System.out.println("warning: intake ran past the first due instant; raise --lead");
        }
        try (Connection db = DriverManager.getConnection(o.get("db"), o.get("db-user"), o.get("db-password"))) {
            long first = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
            Instant deadline = firstDue.plus(spread).plus(Duration.ofMinutes(3));
            int fired;
            while ((fired = count(db, first, last)) < ids.size() && Instant.now().isBefore(deadline)) {
                System.out.printf("%s  fired %d of %d%n", Instant.now(), fired, ids.size());
                Thread.sleep(10_000);
            }
            report(db, first, last, ids.size());
        }
    }

    /** Posts the tickets from several threads; each one's 30-minute turnaround ends at a random moment in the window. */
    private static List<Long> intake(HttpClient http, String auth, Map<String, String> o, int tickets, Instant firstDue,
                                     Duration spread) throws InterruptedException {
        int clients = Integer.parseInt(o.get("clients"));
        List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int share = tickets / clients + (c < tickets % clients ? 1 : 0);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < share; i++) {
                    Instant due = firstDue.plusMillis(ThreadLocalRandom.current().nextLong(spread.toMillis() + 1));
                    String body = "{\"from\":\"" + o.get("from") + "\",\"subject\":\"Site is down\",\"body\":\"for everyone\","
                            + "\"receivedAt\":\"" + due.minus(PLATINUM_EMERGENCY) + "\"}";
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(o.get("url") + "/api/tickets"))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                        String key = response.body().replaceAll("(?s).*\"key\":\"TCK-0*(\\d+)\".*", "$1");
                        ids.add(Long.parseLong(key));
                    } catch (Exception e) {
                        throw new IllegalStateException("intake failed", e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return ids;
    }

    private static int count(Connection db, long first, long last) throws Exception {
        try (PreparedStatement q = db.prepareStatement("select count(*) from sla_escalation where action = 'BREACH'"
                + " and ticket_id between ? and ?")) {
            q.setLong(1, first);
            q.setLong(2, last);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void report(Connection db, long first, long last, int expected) throws Exception {
        List<Long> lateMillis = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select extract(epoch from (fired_at - due_at)) * 1000"
                + " from sla_escalation where action = 'BREACH' and ticket_id between ? and ?")) {
            q.setLong(1, first);
            q.setLong(2, last);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    lateMillis.add(Math.max(0, Math.round(rs.getDouble(1))));
                }
            }
        }
        long[] sorted = lateMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%nfired %d of %d timers (%s)%n", sorted.length, expected,
                sorted.length == expected ? "none lost" : (expected - sorted.length) + " missing");
        if (sorted.length > 0) {
            System.out.printf("lateness ms: p50 %d, p90 %d, p99 %d, max %d%n", rank(sorted, 0.50), rank(sorted, 0.90),
                    rank(sorted, 0.99), sorted[sorted.length - 1]);
        }
    }

    private static long rank(long[] sorted, double share) {
        return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>(Map.of("url", "http://localhost:8080", "user", "intake", "password", "demo",
                "from", "cto@platina.example", "tickets", "3000", "lead", "120", "spread", "180", "clients", "4",
                "db", "jdbc:postgresql://127.0.0.1:5432/turnaround_bench", "db-user", "postgres"));
        o.put("db-password", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }
}
