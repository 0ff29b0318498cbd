package io.turnaround.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.Smtp;
import io.turnaround.support.TcpProxy;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several senders on one PostgreSQL database, as several nodes would be: they race for the same queued rows, and
 * each row is still sent exactly once. A row whose claim ran out (its node died while sending) is taken over and
 * sent with its own Message-ID; a row another sender holds right now is left alone. A batch of mail goes over one
 * SMTP connection (counted by a proxy in front of the SMTP server), and an address the server refuses fails only its
 * own mail.
 */
class OutboxSendersOnPostgresIT {

    private static final int MAILS = 200;
    private static final int SENDERS = 4;
    private static final PostgresDatabase database = PostgresDatabase.create();

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server();

    private static TcpProxy smtpProxy;
    private static ConfigurableApplicationContext server;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws IOException {
        EnginePersistence.configure();
        smtpProxy = new TcpProxy("127.0.0.1", Smtp.port(smtp));
        // The scheduled sender is off: the test starts its own senders at the same moment.
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(Stream.of(database.springArgs()),
                Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1", "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpProxy.port(), "--turnaround.mail.outbox.enabled=false",
                        "--turnaround.mail.outbox.batch-size=10")).toArray(String[]::new));
        jdbc = server.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (smtpProxy != null) {
            smtpProxy.close();
        }
    }

    @BeforeEach
    void emptyTheMailServer() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void racingSendersSendEveryRowExactlyOnce() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < MAILS; i++) {
            queue("load-" + i, "r" + i + "@load.example", null, 0);
        }
        queue("crashed-1", "crashed@load.example", now.minusSeconds(1), 1);
        queue("held-1", "held@load.example", now.plus(Duration.ofMinutes(5)), 1);
        OutboxSender sender = server.getBean(OutboxSender.class);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            sent.add(pool.submit(() -> {
                go.await();
                return sender.sendDue();
            }));
        }
        go.countDown();
        List<Integer> perSender = new ArrayList<>();
        for (Future<Integer> f : sent) {
            perSender.add(f.get());
        }
        pool.shutdown();

        assertThat(perSender.stream().mapToInt(Integer::intValue).sum()).as("sent by %s", perSender).isEqualTo(MAILS + 1);
        Map<String, Long> byMessageId = Stream.of(smtp.getReceivedMessages()).map(m -> Smtp.header(m, "Message-ID"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byMessageId).hasSize(MAILS + 1).allSatisfy((id, copies) -> assertThat(copies).as(id).isEqualTo(1));
        assertThat(byMessageId).containsKeys("<load-0@turnaround.example>", "<load-199@turnaround.example>",
                "<crashed-1@turnaround.example>");
        assertThat(jdbc.queryForList("select status || ' ' || attempts from outbound_mail where idempotency_key like"
                + " 'load-%' group by status, attempts", String.class)).containsExactly("SENT 1");
        assertThat(jdbc.queryForObject("select status || ' ' || attempts from outbound_mail where idempotency_key ="
                + " 'crashed-1'", String.class)).as("taken over from the dead node").isEqualTo("SENT 2");
        assertThat(jdbc.queryForObject("select status || ' ' || claimed_by from outbound_mail where idempotency_key ="
                + " 'held-1'", String.class)).as("left to the node holding it").isEqualTo("QUEUED another-node");
        assertThat(Smtp.received(smtp, "held@load.example", "")).isEmpty();
    }

    @Test
    void aBatchGoesOverOneConnectionAndARefusedAddressFailsOnlyItsOwnMail() throws Exception {
        List<String> recipients = List.of("reader@batch.example", "reader@batch.example",
                "\"not>deliverable\"@batch.example", "reader@batch.example", "reader@batch.example");
        for (int i = 0; i < recipients.size(); i++) {
            queue("batch-" + i, recipients.get(i), null, 0);
        }
        int connectionsBefore = smtpProxy.accepted();

        int sent = server.getBean(OutboxSender.class).sendDue();

        assertThat(sent).isEqualTo(4);
        assertThat(smtpProxy.accepted() - connectionsBefore).as("SMTP connections").isEqualTo(1);
        assertThat(jdbc.queryForList("select idempotency_key || ' ' || status || ' ' || attempts from outbound_mail"
                + " where idempotency_key like 'batch-%' order by idempotency_key", String.class))
                .containsExactly("batch-0 SENT 1", "batch-1 SENT 1", "batch-2 FAILED 1", "batch-3 SENT 1", "batch-4 SENT 1");
        assertThat(jdbc.queryForObject("select last_error from outbound_mail where idempotency_key = 'batch-2'",
                String.class)).as("the server's answer").isEqualTo("Invalid Addresses; 501 Required syntax: 'RCPT TO:<email@host>'");
        assertThat(Smtp.received(smtp, "reader@batch.example", "").stream().map(m -> Smtp.header(m, "Message-ID")))
                .as("sent once each, the longest waiting first").containsExactly("<batch-0@turnaround.example>",
                        "<batch-1@turnaround.example>", "<batch-3@turnaround.example>", "<batch-4@turnaround.example>");
    }

    private static void queue(String key, String recipient, Instant claimedUntil, int attempts) {
        Timestamp now = Timestamp.from(Instant.now().minusSeconds(1));
        jdbc.update("insert into outbound_mail (idempotency_key, kind, recipient, subject, body, status, attempts,"
                        + " created_at, next_attempt_at, claimed_by, claimed_until) values (?, 'SLA_WARNING', ?, ?, ?, 'QUEUED',"
                        + " ?, ?, ?, ?, ?)", key, recipient, "Load " + key, "Body of " + key, attempts, now, now,
                claimedUntil == null ? null : key.startsWith("held") ? "another-node" : "dead-node",
                claimedUntil == null ? null : Timestamp.from(claimedUntil));
    }
}
