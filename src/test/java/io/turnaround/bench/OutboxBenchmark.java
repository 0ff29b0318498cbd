package io.turnaround.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How fast a running server's outbox drains. It queues {@code --mails} rows straight into the outbox table of the
 * server's database ({@code --db}), runs the GreenMail SMTP server the server sends to ({@code --smtp-port}), and
 * counts every second how many of them are SENT, until all are; it prints mails/s over the whole drain and the
 * median and p99 of the per-second rates, then deletes its rows. Start the server as for the soak (README, "The
 * soak"), with {@code SPRING_MAIL_PORT} the same as {@code --smtp-port}.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.OutboxBenchmark \
 *   -Dexec.args="--mails 5000 --db jdbc:postgresql://127.0.0.1:5432/turnaround_soak"
 * </pre>
 */
public final class OutboxBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int mails = Integer.parseInt(o.getOrDefault("mails", "5000"));
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.parseInt(o.getOrDefault("smtp-port", "3025")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (Connection db = DriverManager.getConnection(o.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/turnaround_soak"),
                o.getOrDefault("db-user", "postgres"), o.getOrDefault("db-password", ""))) {
            queue(db, run, mails);
            Instant start = Instant.now();
            List<Integer> perSecond = new ArrayList<>();
            int sent = 0;
            while (sent < mails) {
                Thread.sleep(1000);
                int now = sent(db, run);
                perSecond.add(now - sent);
                sent = now;
                if (perSecond.size() % 10 == 0) {
                    System.out.printf("%4d s: %d of %d sent%n", perSecond.size(), sent, mails);
                }
            }
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            List<Integer> sorted = perSecond.stream().sorted().toList();
            System.out.printf("%d mails sent in %.1f s: %.1f mails/s; per second median %d, p99 %d; SMTP server received %d%n",
                    mails, seconds, mails / seconds, sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                    smtp.getReceivedMessages().length);
            try (PreparedStatement delete = db.prepareStatement("delete from outbound_mail where idempotency_key like ?")) {
                delete.setString(1, run + "%");
                delete.executeUpdate();
            }
        } finally {
            smtp.stop();
        }
    }

    private static void queue(Connection db, String run, int mails) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = db.prepareStatement("insert into outbound_mail (idempotency_key, kind, recipient,"
                + " subject, body, status, attempts, created_at, next_attempt_at) values (?, 'SLA_WARNING', ?, ?, ?,"
                + " 'QUEUED', 0, ?, ?)")) {
            for (int i = 0; i < mails; i++) {
                insert.setString(1, run + i);
                insert.setString(2, "reader" + i % 50 + "@bench.example");
                insert.setString(3, "Outbox benchmark " + i);
                insert.setString(4, "Mail " + i + " of an outbox benchmark.\n".repeat(20));
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int sent(Connection db, String run) throws Exception {
        try (PreparedStatement count = db.prepareStatement("select count(*) from outbound_mail where status = 'SENT'"
                + " and idempotency_key like ?")) {
            count.setString(1, run + "%");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
