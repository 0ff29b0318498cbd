package io.turnaround.bench;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How many mail messages intake sustains on a running server. Two ways in:
 * <ul>
 *   <li>{@code --mode push}: raw messages posted to {@code POST /api/inbound/email} by {@code --clients} threads, as a
 *   mail gateway pushes them; prints messages/s, p50 and p99.</li>
 *   <li>{@code --mode mailbox}: messages sent over SMTP to the mail server the server reads ({@code --smtp-host},
 *   {@code --smtp-port}, e.g. GreenMail standalone, see README), then timed until the server has taken in all of them
 *   (read from the database given by {@code --db}); prints messages/s from the first send to the last one taken.</li>
 * </ul>
 * <pre>
 * mvn -q exec:java -Dexec.mainClass=io.turnaround.bench.MailIntakeBenchmark -Dexec.args="--mode push --messages 1000 --clients 4"
 * </pre>
 */
public final class MailIntakeBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int messages = Integer.parseInt(o.getOrDefault("messages", "1000"));
        String from = o.getOrDefault("from", "ops@goldcrest.example");
        if ("mailbox".equals(o.getOrDefault("mode", "push"))) {
            mailbox(o, messages, from);
        } else {
            push(o, messages, from);
        }
    }

    private static void push(Map<String, String> o, int messages, String from) throws Exception {
        String url = o.getOrDefault("url", "http://localhost:8080");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Bearer " + ApiTokens.issue(http, url, o.getOrDefault("user", "intake"),
                o.getOrDefault("password", "demo"), "mail intake benchmark");
        for (int clients : Arrays.stream(o.getOrDefault("clients", "1,2,4").split(",")).mapToInt(Integer::parseInt).toArray()) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<long[]>> results = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int share = messages / clients;
                results.add(pool.submit(() -> {
                    long[] took = new long[share];
                    for (int i = 0; i < share; i++) {
                        byte[] raw = message(from, "Benchmark mail " + i).getBytes(StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/inbound/email"))
                                .header("Authorization", auth).header("Content-Type", "message/rfc822")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
                        }
                        took[i] = System.nanoTime() - t0;
                    }
                    return took;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : results) {
                Arrays.stream(f.get()).forEach(all::add);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            all.sort(Long::compare);
            System.out.printf("push, %d client(s): %d messages, %.1f messages/s, p50 %.1f ms, p99 %.1f ms%n", clients,
                    all.size(), all.size() / seconds, all.get(all.size() / 2) / 1e6,
                    all.get((int) Math.ceil(all.size() * 0.99) - 1) / 1e6);
        }
    }

    private static void mailbox(Map<String, String> o, int messages, String from) throws Exception {
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", o.getOrDefault("smtp-host", "127.0.0.1"));
        smtp.setProperty("mail.smtp.port", o.getOrDefault("smtp-port", "3025"));
        Session session = Session.getInstance(smtp);
        String to = o.getOrDefault("to", "support@turnaround.example");
        String db = o.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/turnaround_bench");
        int before = taken(db);
        long started = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < messages; i++) {
                MimeMessage mail = new MimeMessage(session);
                mail.setFrom(new InternetAddress(from));
                mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
                mail.setSubject("Benchmark mailbox " + i);
                mail.setText("One user cannot log in", "UTF-8");
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        }
        double sent = (System.nanoTime() - started) / 1e9;
        while (taken(db) - before < messages) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("mailbox: %d messages sent in %.1f s, all taken in %.1f s: %.1f messages/s%n", messages, sent,
                seconds, messages / seconds);
    }

    private static int taken(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from inbound_mail")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String message(String from, String subject) {
        return "Message-ID: <" + UUID.randomUUID() + "@bench.example>\r\nFrom: " + from + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nOne user cannot log in\r\n";
    }
}
