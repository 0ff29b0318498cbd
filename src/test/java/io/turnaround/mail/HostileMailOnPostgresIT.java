package io.turnaround.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.turnaround.support.Api;
import io.turnaround.support.StaffPages;
import io.turnaround.support.Waits;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail written to break a mail reader, in a real IMAP mailbox (GreenMail) between good messages and pushed over HTTP:
 * every good message becomes exactly one ticket, in order; each bad one exactly one entry under "Mail that could not
 * be read"; nothing stops the reader, and health says when it cannot read the mailbox.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileMailOnPostgresIT {

    private static final String CLIENT = "ops@goldcrest.example";
    private static final GreenMail mailServer = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private static GreenMailUser mailbox;
    private static ConfigurableApplicationContext server;
    private static Api api;
    private static int port;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        mailServer.start();
        mailbox = mailServer.setUser("support@turnaround.example", "support", "secret");
        EnginePersistence.configure();
        server = MailFixtures.serverReading(mailServer,
                "--turnaround.mail.inbound.stalled-after=PT6S", "--turnaround.mail.acknowledgement-limit.max=100");
        port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
        api = new Api(port);
        jdbc = server.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        server.close();
        mailServer.stop();
    }

    @Test
    @Order(1)
    void poisonMessagesBetweenGoodOnesEachLeaveOneEntryAndEveryGoodOneBecomesOneTicketInOrder() throws Exception {
        String longId = "long-" + "i".repeat(1185) + "@x.example";
        List<String> good = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            good.add("good-" + i + "@goldcrest.example");
        }
        // The database itself refuses two messages: a constraint, and an error nobody expected.
        jdbc.execute("alter table ticket add constraint refuses_one check (subject <> 'Refused by a constraint')");
        jdbc.execute("create function fails_one() returns trigger language plpgsql as $$ begin"
                + " if new.subject = 'Fails unexpectedly' then raise exception 'nobody expected this'; end if;"
                + " return new; end $$");
        jdbc.execute("create trigger fails_one before insert on ticket for each row execute function fails_one()");
        deliver(MailFixtures.plain(good.get(0), CLIENT, "Good one", "the first"));
        deliver(MailFixtures.plain("constraint@goldcrest.example", CLIENT, "Refused by a constraint", "no"));
        deliver(MailFixtures.plain(longId, CLIENT, "A very long Message-ID", "still a request"));
        deliver(MailFixtures.plain(good.get(1), CLIENT, "Good two", "the second"));
        deliver(MailFixtures.plain("long-from@x.example", "f".repeat(390) + "@x.example", "A very long sender", "who?"));
        deliver(MailFixtures.plain(good.get(2), CLIENT, "Good three", "the third"));
        deliver(MailFixtures.plain("crowd@goldcrest.example", CLIENT, "Ten thousand recipients", "to all",
                "Cc: " + IntStream.range(0, 10_000).mapToObj(i -> "user" + i + "@crowd.example")
                        .collect(Collectors.joining(",\r\n\t"))));
        deliver(MailFixtures.plain(good.get(3), CLIENT, "Good four", "the fourth"));
        deliver(fiftyMegabytes("huge@goldcrest.example"));
        deliver(MailFixtures.plain(good.get(4), CLIENT, "Good five", "the fifth"));
        deliver(MailFixtures.plain("unexpected@goldcrest.example", CLIENT, "Fails unexpectedly", "no"));
        deliver(nested("deep@x.example", 200));
        deliver(MailFixtures.plain(good.get(5), CLIENT, "Good six", "the sixth"));
        deliver(MailFixtures.plain("wide@goldcrest.example", CLIENT, "A line of a megabyte " + "w".repeat(1024 * 1024),
                "the header line is the problem"));
        deliver(MailFixtures.plain(good.get(6), CLIENT, "Good seven", "the seventh"));

        Waits.waitUntil(() -> allSeen(15), Duration.ofSeconds(60), "every message is taken and flagged");

        List<Long> tickets = new ArrayList<>();
        for (String id : good) {
            assertThat(jdbc.queryForList("select ticket_id from inbound_mail where message_id = ?", Long.class, id))
                    .as("one ticket for " + id).hasSize(1).doesNotContainNull();
            tickets.add(jdbc.queryForObject("select ticket_id from inbound_mail where message_id = ?", Long.class, id));
        }
        assertThat(tickets).as("the good messages' tickets, in the mailbox's order").isSorted().doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from inbound_mail", Integer.class))
                .as("one entry per message").isEqualTo(15);

        Map<String, Object> longIdRow = jdbc.queryForMap("select outcome, ticket_id, reason, raw, length(message_id)"
                + " as id_length from inbound_mail where message_id like 'long-iii%'");
        assertThat(longIdRow.get("outcome")).isEqualTo("NEW_TICKET");
        assertThat((Integer) longIdRow.get("id_length")).isLessThanOrEqualTo(996);
        assertThat((String) longIdRow.get("reason")).contains("Message-ID (1200 characters)");
        assertThat(new String((byte[]) longIdRow.get("raw"), StandardCharsets.UTF_8)).as("the raw message keeps it whole")
                .contains("<" + longId + ">");

        JsonNode unreadable = api.get("maria", "/api/inbound/email/unreadable").body();
        assertThat(unreadable).hasSize(5);
        assertThat(only(unreadable, "subject", "Refused by a constraint").get("reason").asText())
                .contains("could not be taken in").contains("refuses_one");
        assertThat(only(unreadable, "subject", "Fails unexpectedly").get("reason").asText())
                .contains("nobody expected this");
        JsonNode deep = only(unreadable, "reason", "nested more than 50 deep");
        assertThat(deep.get("ticketKey").isNull()).isTrue();
        JsonNode longFrom = only(unreadable, "reason", "sender address (From) is 400 characters long");
        assertThat(longFrom.get("sender").asText()).hasSize(320);
        JsonNode huge = only(unreadable, "reason", "too large");
        assertThat(huge.get("tooLarge").asBoolean()).isTrue();
        String hugeKey = huge.get("ticketKey").asText();
        assertThat(api.get("alice", "/api/tickets/" + hugeKey).body().get("body").asText())
                .contains("Only the headers of this message were read");
        assertThat(jdbc.queryForObject("select body from outbound_mail where idempotency_key = ?", String.class,
                "ack-" + Long.parseLong(hugeKey.substring(4)))).as("the sender is told in the acknowledgement")
                .contains("Your message was too large for us to take");
        assertThat(jdbc.queryForObject("select length(raw) from inbound_mail where message_id = 'huge@goldcrest.example'",
                Integer.class)).as("only the headers are kept").isLessThan(4096);

        Map<String, Object> wide = jdbc.queryForMap("select t.subject, i.reason from inbound_mail i join ticket t"
                + " on t.id = i.ticket_id where i.message_id = 'wide@goldcrest.example'");
        assertThat((String) wide.get("subject")).hasSize(500).startsWith("A line of a megabyte www");
        assertThat((String) wide.get("reason")).contains("Subject (");
        assertThat(jdbc.queryForObject("select count(*) from inbound_mail where message_id = 'crowd@goldcrest.example'"
                + " and ticket_id is not null", Integer.class)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void pushedMailWithOverlongHeadersIsTakenOrKeptButNeverAnswers500() {
        String longId = "push-" + "p".repeat(1190) + "@x.example";
        byte[] message = MailFixtures.plain(longId, CLIENT, "Pushed with a long id", "hello");
        Api.Response first = api.post("intake", "/api/inbound/email", message, "message/rfc822");
        assertThat(first.status()).isEqualTo(201);
        Api.Response again = api.post("intake", "/api/inbound/email", message, "message/rfc822");
        assertThat(again.status()).as("the cut Message-ID still recognises the message").isEqualTo(200);
        assertThat(again.body().get("ticketKey").asText()).isEqualTo(first.body().get("ticketKey").asText());

        Api.Response longFrom = api.post("intake", "/api/inbound/email",
                MailFixtures.plain("push-from@x.example", "b".repeat(390) + "@x.example", "Long from", "hello"),
                "message/rfc822");
        assertThat(longFrom.status()).isEqualTo(202);
        assertThat(longFrom.body().get("kind").asText()).isEqualTo("UNREADABLE");

        Api.Response nul = api.post("intake", "/api/inbound/email", MailFixtures.plain("push-nul@x.example", CLIENT,
                "A NUL \u0000 in the subject", "and \u0000 in the body"), "message/rfc822");
        assertThat(nul.status()).as("PostgreSQL refuses NUL in text; it is left out").isEqualTo(201);

        Api.Response empty = api.post("intake", "/api/inbound/email", new byte[0], "message/rfc822");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().has("title")).isTrue();
    }

    @Test
    @Order(3)
    void theOutboxWithoutAStateListsTheMailNotSentYet() {
        JsonNode waiting = api.get("maria", "/api/mail/outbox").body();
        assertThat(waiting).as("acknowledgements wait: no SMTP server is set").isNotEmpty()
                .allSatisfy(m -> assertThat(m.get("status").asText()).isIn("QUEUED", "FAILED"));
        assertThat(api.get("maria", "/api/mail/outbox?status=SENT").body()).isEmpty();
    }

    @Test
    @Order(4)
    void healthShowsTheMailComponentDownWhenTheMailboxCannotBeRead() {
        assertThat(api.get("admin", "/actuator/health").body().at("/components/mail/status").asText()).isEqualTo("UP");
        mailServer.stop();
        JsonNode down = Waits.waitFor(() -> {
            JsonNode health = api.get("admin", "/actuator/health").body();
            return "DOWN".equals(health.at("/components/mail/status").asText()) ? health : null;
        }, Duration.ofSeconds(20));
        assertThat(down.at("/components/mail/details/reason").asText()).contains("no pass over the mailbox has completed");
        Api.Response anonymous = api.request("GET", null, "/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(503);
        assertThat(anonymous.body().has("components")).as("only staff see why").isFalse();
        assertThat(api.get("admin", "/actuator/health/readiness").status()).as("the API still takes requests")
                .isEqualTo(200);
        assertThat(StaffPages.signIn(port, "maria").get("/manager")).contains("The support mailbox is not being read");
    }

    private static JsonNode only(JsonNode entries, String field, String containing) {
        List<JsonNode> found = new ArrayList<>();
        entries.forEach(e -> {
            if (e.get(field).asText().contains(containing)) {
                found.add(e);
            }
        });
        assertThat(found).as("entries whose " + field + " says " + containing).hasSize(1);
        return found.get(0);
    }

    /** A 50 MB message: a text part and a base64 attachment, built in memory. */
    private static byte[] fiftyMegabytes(String messageId) {
        byte[] head = ("Message-ID: <" + messageId + ">\r\nFrom: " + CLIENT + "\r\nSubject: The whole disk image\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\n"
                + "Content-Type: text/plain\r\n\r\nHere it is.\r\n--big\r\nContent-Type: application/octet-stream;"
                + " name=\"disk.img\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--big--\r\n".getBytes(StandardCharsets.US_ASCII);
        int lines = 50 * 1024 * 1024 / 78;
        byte[] raw = new byte[head.length + lines * 78 + tail.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        for (int i = 0, at = head.length; i < lines; i++, at += 78) {
            java.util.Arrays.fill(raw, at, at + 76, (byte) 'A');
            raw[at + 76] = '\r';
            raw[at + 77] = '\n';
        }
        System.arraycopy(tail, 0, raw, raw.length - tail.length, tail.length);
        return raw;
    }

    /** Multiparts nested {@code depth} deep, none of them ever closed. */
    private static byte[] nested(String messageId, int depth) {
        StringBuilder raw = new StringBuilder("Message-ID: <" + messageId + ">\r\nFrom: " + CLIENT
                + "\r\nSubject: Nested\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < depth; i++) {
            raw.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
                    .append("\"\r\n\r\n");
        }
        return raw.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nat the bottom\r\n")
                .toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void deliver(byte[] raw) throws Exception {
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    private static boolean allSeen(int expected) {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", mailServer.getImap().getPort(), "support", "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] all = inbox.getMessages();
            return all.length >= expected && inbox.search(new javax.mail.search.FlagTerm(new Flags(Flags.Flag.SEEN),
                    false)).length == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
