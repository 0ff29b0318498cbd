package io.turnaround.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.ServerProcess;
import io.turnaround.support.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailbox read by server processes on one database: two nodes reading it at once make one ticket per message,
 * and a node killed (SIGKILL) while it reads leaves, after a restart, exactly one ticket per message.
 */
class MailboxAcrossNodesOnPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(MailboxAcrossNodesOnPostgresIT.class);

    private final GreenMail mailServer = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private GreenMailUser mailbox;
    private PostgresDatabase database;

    @BeforeEach
    void startMailServer() {
        mailServer.start();
        mailbox = mailServer.setUser("support@turnaround.example", "support", "secret");
        database = PostgresDatabase.create();
    }

    @AfterEach
    void stopMailServer() {
        mailServer.stop();
    }

    @Test
    void twoNodesReadingOneMailboxMakeOneTicketPerMessage() throws Exception {
        try (ServerProcess a = ServerProcess.start(database, "mail-a", MailFixtures.readingMailbox(mailServer));
             ServerProcess b = ServerProcess.start(database, "mail-b", MailFixtures.readingMailbox(mailServer))) {
            long started = System.nanoTime();
            deliver(60, "race");
            awaitTaken(60);
            log.info("Two nodes took in 60 messages in {} ms", (System.nanoTime() - started) / 1_000_000);
            assertOneTicketPerMessage(60);
        }
    }

    @Test
    void aNodeKilledWhileReadingLeavesExactlyOneTicketPerMessageAfterARestart() throws Exception {
        deliver(100, "crash");
        try (ServerProcess first = ServerProcess.start(database, "mail-killed", MailFixtures.readingMailbox(mailServer))) {
            Waits.waitUntil(() -> count("select count(*) from inbound_mail") >= 10, Duration.ofSeconds(60),
                    "the node takes in some of the mail");
            first.kill();
        }
        int before = count("select count(*) from inbound_mail");
        log.info("Killed with {} of 100 messages taken in", before);
        try (ServerProcess second = ServerProcess.start(database, "mail-restarted", MailFixtures.readingMailbox(mailServer))) {
            awaitTaken(100);
            assertOneTicketPerMessage(100);
        }
    }

    private void deliver(int messages, String run) throws Exception {
        for (int i = 0; i < messages; i++) {
            byte[] raw = MailFixtures.plain(run + "-" + i + "@goldcrest.example", "ops@goldcrest.example",
                    "Mailbox " + run + " " + i, "One user cannot log in");
            mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        }
    }

    private void awaitTaken(int messages) {
        Waits.waitUntil(() -> count("select count(*) from inbound_mail where ticket_id is not null") >= messages,
                Duration.ofSeconds(120), messages + " messages taken in");
    }

    private void assertOneTicketPerMessage(int messages) {
        assertThat(count("select count(*) from inbound_mail")).isEqualTo(messages);
        assertThat(count("select count(*) from ticket where subject like 'Mailbox %'")).isEqualTo(messages);
        assertThat(count("select count(*) from (select subject from ticket group by subject having count(*) > 1) d"))
                .as("no message made two tickets").isZero();
    }

    private int count(String sql) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
