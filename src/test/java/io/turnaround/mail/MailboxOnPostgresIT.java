package io.turnaround.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.turnaround.support.Api;
import io.turnaround.support.Waits;
import io.turnaround.ticket.TicketKey;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support mailbox on a real IMAP server (GreenMail): mail becomes tickets, replies thread into their ticket and
 * end its wait, machines' mail changes nothing, and a message read again after a crash before its flag makes no
 * second ticket. Mail pushed over HTTP goes through the same intake.
 */
class MailboxOnPostgresIT {

    private static final GreenMail mailServer = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private static GreenMailUser mailbox;
    private static ConfigurableApplicationContext server;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        mailServer.start();
        mailbox = mailServer.setUser("support@turnaround.example", "support", "secret");
        EnginePersistence.configure();
        server = MailFixtures.serverReading(mailServer,
                "--turnaround.mail.inbound.max-attachment-size=1KB");
        api = new Api(((ServletWebServerApplicationContext) server).getWebServer().getPort());
        jdbc = server.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        server.close();
        mailServer.stop();
    }

    @Test
    void mailboxMessagesBecomeTicketsAndRepliesEndTheWaitWhileMachinesChangeNothing() throws Exception {
        deliver(MailFixtures.plain("first@goldcrest.example", "Gil Gold <ops@goldcrest.example>",
                "One user cannot log in", "Since this morning"));
        String key = awaitTicketOf("first@goldcrest.example");
        assertThat(api.get("alice", "/api/tickets/" + key).body().get("channel").asText()).isEqualTo("EMAIL");
        assertThat(jdbc.queryForObject("select in_reply_to from outbound_mail where idempotency_key = ?", String.class,
                "ack-" + TicketKey.idOf(key))).as("the acknowledgement threads under the mail")
                .isEqualTo("<first@goldcrest.example>");
        Waits.waitUntil(() -> allSeen(1), Duration.ofSeconds(10), "the message is flagged once its ticket is in");
        assertThat(api.post("alice", "/api/tickets/" + key + "/waiting", "{\"on\":\"CUSTOMER\"}").status()).isEqualTo(200);

        deliver(MailFixtures.plain("away@goldcrest.example", "ops@goldcrest.example", "Out of office Re: [" + key + "]",
                "Back Monday", "Auto-Submitted: auto-replied"));
        assertThat(awaitOutcome("away@goldcrest.example")).isEqualTo("IGNORED");
        assertThat(api.get("alice", "/api/tickets/" + key).body().get("status").asText()).isEqualTo("WAITING");

        deliver(MailFixtures.plain("answer@goldcrest.example", "ops@goldcrest.example", "Re: [" + key + "] One user",
                "It is user 42", "In-Reply-To: <first@goldcrest.example>"));
        assertThat(awaitOutcome("answer@goldcrest.example")).isEqualTo("CUSTOMER_REPLY");
        JsonNode answered = api.get("alice", "/api/tickets/" + key).body();
        assertThat(answered.get("status").asText()).as("the customer's answer ends the wait").isEqualTo("OPEN");
        assertThat(answered.get("history")).anySatisfy(h -> assertThat(h.get("event").asText()).isEqualTo("CUSTOMER_REPLIED"));

        jdbc.update("insert into client_contact (email, client_id, name) select 'colleague@goldcrest.example', id,"
                + " 'Cole League' from client where name = 'Goldcrest Live'");
        deliver(MailFixtures.plain("colleague@goldcrest.example", "Cole League <Colleague@Goldcrest.example>",
                "Re: [" + key + "] One user", "Same here"));
        assertThat(awaitOutcome("colleague@goldcrest.example")).as("another contact of the client writes on its ticket")
                .isEqualTo("CUSTOMER_REPLY");

        deliver(MailFixtures.plain("stranger@else.example", "someone@else.example", "Re: [" + key + "] let me in", "hi"));
        assertThat(awaitOutcome("stranger@else.example")).as("a stranger cannot write on a client's ticket")
                .isEqualTo("NEW_TICKET");

        deliver(MailFixtures.latin1("latin1@goldcrest.example", "ops@goldcrest.example"));
        String latin1 = awaitTicketOf("latin1@goldcrest.example");
        assertThat(api.get("alice", "/api/tickets/" + latin1).body().get("body").asText()).contains("Grüße aus Köln");

        deliver(MailFixtures.withAttachment("files@goldcrest.example", "ops@goldcrest.example", "Logs", "big.log",
                new byte[4096]));
        String withFile = awaitTicketOf("files@goldcrest.example");
        assertThat(jdbc.queryForList("select content is null as left_out from ticket_attachment where ticket_id = ?",
                Boolean.class, Long.parseLong(withFile.substring(4)))).containsExactly(true);
        assertThat(api.get("alice", "/api/tickets/" + withFile).body().get("history"))
                .anySatisfy(h -> assertThat(h.get("detail").asText()).contains("big.log"));

        // As if the node died after the ticket was committed but before the flag: the message is unflagged again.
        setSeen("first@goldcrest.example", false);
        Waits.waitUntil(() -> allSeen(7), Duration.ofSeconds(10), "the message is read and flagged again");
        assertThat(jdbc.queryForObject("select count(*) from ticket where subject = 'One user cannot log in'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void pushedMailIsTakenOnceAndWhatCannotBeReadIsKeptForStaff() {
        byte[] message = MailFixtures.plain("pushed@platina.example", "cto@platina.example", "Site is down",
                "Nobody can reach it");
        Api.Response first = api.post("intake", "/api/inbound/email", message, "message/rfc822");
        assertThat(first.status()).isEqualTo(201);
        Api.Response again = api.post("intake", "/api/inbound/email", message, "message/rfc822");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(again.body().get("ticketKey").asText()).isEqualTo(first.body().get("ticketKey").asText());

        Api.Response unreadable = api.post("intake", "/api/inbound/email", MailFixtures.noSender("nobody@x.example"),
                "message/rfc822");
        assertThat(unreadable.status()).isEqualTo(202);
        assertThat(api.get("maria", "/api/inbound/email/unreadable").body())
                .anySatisfy(m -> assertThat(m.get("id").asLong()).isEqualTo(unreadable.body().get("inboundMailId").asLong()));
        assertThat(api.post("intake", "/api/inbound/email", MailFixtures.bounce("bounce@mail.example"), "message/rfc822")
                .body().get("kind").asText()).isEqualTo("IGNORED");

        String key = first.body().get("ticketKey").asText();
        Api.Response partner = api.post("intake", "/api/inbound/email", MailFixtures.plain("p1@hosting-partner.example",
                "tickets@hosting-partner.example", "Re: [" + key + "] [Ticket #4711] Site is down", "We are on it"),
                "message/rfc822");
        assertThat(partner.body().get("kind").asText()).isEqualTo("PARTNER_REPLY");
        JsonNode ticket = api.get("hana", "/api/tickets/" + key).body();
        assertThat(ticket.get("partnerReference").asText()).isEqualTo("4711");
        assertThat(ticket.get("history")).anySatisfy(h -> assertThat(h.get("event").asText())
                .isEqualTo("PARTNER_RESPONSE_TIME"));
        assertThat(api.post("alice", "/api/inbound/email", message, "message/rfc822").status()).isEqualTo(403);
    }

    @Test
    void aCustomersReplyReopensItsResolvedTicketWithinTwoWeeksAndLaterStartsANewOneThatFollowsItUp() {
        String first = api.post("intake", "/api/inbound/email", MailFixtures.plain("reopen-1@goldcrest.example",
                "ops@goldcrest.example", "Exports fail", "Since the update"), "message/rfc822").body()
                .get("ticketKey").asText();
        resolve(first);
        Long resolvedProcess = processOf(first);
        // The first clock had waited two hours on the customer, and the ticket was resolved while waiting again.
        jdbc.update("update ticket set sla_paused_seconds = 7200, sla_paused_at = resolved_at, waiting_on = 'CUSTOMER'"
                + " where id = ?", TicketKey.idOf(first));

        Api.Response soon = api.post("intake", "/api/inbound/email", MailFixtures.plain("reopen-2@goldcrest.example",
                "ops@goldcrest.example", "Re: [" + first + "] Exports fail", "They fail again",
                "In-Reply-To: <reopen-1@goldcrest.example>"), "message/rfc822");
        assertThat(soon.body().get("kind").asText()).isEqualTo("CUSTOMER_REPLY");
        assertThat(soon.body().get("ticketKey").asText()).isEqualTo(first);
        JsonNode reopened = api.get("alice", "/api/tickets/" + first).body();
        assertThat(reopened.get("status").asText()).as("back in its queue, never unseen").isEqualTo("OPEN");
        assertThat(reopened.get("history")).anySatisfy(h -> assertThat(h.get("event").asText()).isEqualTo("REOPENED"));
        Instant replyAt = jdbc.queryForObject("select received_at from inbound_mail where message_id ="
                + " 'reopen-2@goldcrest.example'", java.sql.Timestamp.class).toInstant();
        assertThat(reopened.get("history")).as("the policy decides again from the reply's time")
                .filteredOn(h -> h.get("event").asText().equals("DECIDED")).hasSize(2);
        assertThat(reopened.get("history")).anySatisfy(h -> assertThat(h.get("detail").asText())
                .contains("wrote again at " + replyAt));
        assertThat(Instant.parse(reopened.get("slaDueAt").asText())).isAfter(replyAt);
        assertThat(processOf(first)).as("new work, timers and ladder").isNotEqualTo(resolvedProcess);
        assertThat(reopened.get("slaPaused").asText()).as("a new clock, none of the old one's pauses").isEqualTo("PT0S");
        assertThat(reopened.has("slaPausedAt")).as("not paused").isFalse();
        assertThat(reopened.has("waitingOn")).as("waiting on nobody").isFalse();
        // A correction later decides from the same facts, the reply's time and text: on the 24x7 clock of an
        // emergency, due exactly its turnaround after the reply.
        Api.Response corrected = api.post("alice", "/api/tickets/" + first + "/category", "{\"category\":\"EMERGENCY\"}");
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        JsonNode emergency = api.get("alice", "/api/tickets/" + first).body();
        assertThat(Instant.parse(emergency.get("slaDueAt").asText()))
                .isEqualTo(replyAt.plus(Duration.parse(emergency.get("slaTarget").asText())));
        assertThat(api.post("maria", "/api/tickets/" + first + "/category", "{\"category\":\"NON_EMERGENCY\"}")
                .status()).isEqualTo(200);
        assertThat(api.get("alice", "/api/tickets/" + first).body().get("slaDueAt").asText())
                .as("back to the reopening's decision").isEqualTo(reopened.get("slaDueAt").asText());
        assertThat(api.get("alice", "/api/tasks?group=support-desk").body())
                .anySatisfy(t -> assertThat(t.get("ticketKey").asText()).isEqualTo(first));

        resolve(first);
        // As if the ticket had been resolved fifteen days ago.
        jdbc.update("update ticket set resolved_at = resolved_at - interval '15 days' where id = ?", TicketKey.idOf(first));
        Api.Response late = api.post("intake", "/api/inbound/email", MailFixtures.plain("reopen-3@goldcrest.example",
                "ops@goldcrest.example", "Re: [" + first + "] Exports fail", "And again, weeks later",
                "In-Reply-To: <reopen-1@goldcrest.example>"), "message/rfc822");
        assertThat(late.body().get("kind").asText()).isEqualTo("NEW_TICKET");
        String followUp = late.body().get("ticketKey").asText();
        assertThat(followUp).isNotEqualTo(first);
        JsonNode next = api.get("alice", "/api/tickets/" + followUp).body();
        assertThat(next.get("status").asText()).isEqualTo("OPEN");
        assertThat(next.get("history")).anySatisfy(h -> assertThat(h.get("detail").asText()).contains("follows up " + first));
        assertThat(api.get("alice", "/api/tickets/" + first).body().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(api.get("alice", "/api/tickets/" + first).body().get("history"))
                .anySatisfy(h -> assertThat(h.get("detail").asText()).contains(followUp));
    }

    private static Long processOf(String key) {
        return jdbc.queryForObject("select process_instance_id from ticket where id = ?", Long.class, TicketKey.idOf(key));
    }

    /** Claims and completes the ticket's work task, which resolves it. */
    private static void resolve(String key) {
        JsonNode task = Waits.waitFor(() -> {
            for (JsonNode t : api.get("alice", "/api/tasks?group=support-desk").body()) {
                if (t.get("ticketKey").asText().equals(key)) {
                    return t;
                }
            }
            return null;
        }, Duration.ofSeconds(10));
        long id = task.get("id").asLong();
        assertThat(api.post("alice", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(200);
        assertThat(api.post("alice", "/api/tasks/" + id + "/complete", null).status()).isEqualTo(200);
        assertThat(api.get("alice", "/api/tickets/" + key).body().get("status").asText()).isEqualTo("RESOLVED");
    }

    private static void deliver(byte[] raw) throws Exception {
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    private static String awaitTicketOf(String messageId) {
        Long ticket = Waits.waitFor(() -> jdbc.queryForList("select ticket_id from inbound_mail where message_id = ?"
                + " and ticket_id is not null", Long.class, messageId).stream().findFirst().orElse(null), Duration.ofSeconds(15));
        return String.format("TCK-%06d", ticket);
    }

    private static String awaitOutcome(String messageId) {
        return Waits.waitFor(() -> jdbc.queryForList("select outcome from inbound_mail where message_id = ?", String.class,
                messageId).stream().findFirst().orElse(null), Duration.ofSeconds(15));
    }

    private static boolean allSeen(int expected) {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] all = inbox.getMessages();
            return all.length >= expected && Stream.of(all).allMatch(m -> {
                try {
                    return m.isSet(Flags.Flag.SEEN);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (Exception e) {
            return false;
        }
    }

    private static void setSeen(String messageId, boolean seen) throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                if (((MimeMessage) m).getMessageID().contains(messageId)) {
                    m.setFlag(Flags.Flag.SEEN, seen);
                }
            }
            inbox.close(false);
        }
    }

    private static Store imap() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mailServer.getImap().getPort(), "support", "secret");
        return store;
    }
}
