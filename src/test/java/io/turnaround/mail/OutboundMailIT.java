package io.turnaround.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import io.turnaround.support.Smtp;
import io.turnaround.support.StaffPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.turnaround.support.Smtp.awaitOne;
import static io.turnaround.support.Smtp.header;
import static io.turnaround.support.Smtp.subject;
import static io.turnaround.support.Smtp.text;
import static io.turnaround.support.Waits.sleep;
import static io.turnaround.support.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail leaving through the outbox to a real SMTP server, on the embedded database with its demo clients: the
 * acknowledgement with the promise, the forward to the hosting partner, the notice to a self-hosted client's hosting
 * contact, a staff reply; and, while the mail server is down, retries with growing pauses, then the managers' list
 * and a retry that sends the mail once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:outbound-mail;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "spring.mail.host=127.0.0.1",
        "turnaround.mail.outbox.poll-every=PT0.1S",
        "turnaround.mail.outbox.max-attempts=3",
        "turnaround.mail.outbox.first-retry-after=PT0.4S",
        "turnaround.mail.outbox.max-retry-after=PT2S",
        // Fixed moments long past make the promise's words exact; intake takes them only if told to.
        "turnaround.intake.received-at-max-age=P3650D"})
class OutboundMailIT extends ServerTestBase {

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", () -> Smtp.port(smtp));
    }

    @Test
    void aKnownClientsSenderIsAcknowledgedOnceWithTheKeyAndThePromiseInTheirZone() {
        String key = create("ops@goldcrest.example", "A payout failed", "for one model", "2026-11-20T17:00:00-08:00");

        MimeMessage ack = awaitOne(smtp, "ops@goldcrest.example", key);
        assertThat(subject(ack)).isEqualTo("[" + key + "] We have your request: A payout failed");
        assertThat(text(ack)).contains("Your request \"A payout failed\" is ticket " + key + ".")
                .contains("Our promise under Goldcrest Live's Gold plan: a person on our team will be working on it"
                        + " within\n12 hours (business hours), that is by Tuesday 24 November 2026, 11:00 CST.");
        assertThat(header(ack, "Message-ID")).isEqualTo("<ack-" + idOf(key) + "@turnaround.example>");
        assertThat(header(ack, "From")).isEqualTo("support@turnaround.example");
        assertThat(header(ack, "Auto-Submitted")).isEqualTo("auto-replied");

        assertThat(api.post("alice", "/api/tickets/" + key + "/category", "{\"category\":\"EMERGENCY\"}").status())
                .isEqualTo(200);
        sleep(Duration.ofSeconds(1));
        assertThat(Smtp.received(smtp, "ops@goldcrest.example", key)).as("a re-decision acknowledges nothing again")
                .hasSize(1);
        assertThat(status("ack-" + idOf(key))).isEqualTo("SENT");
    }

    @Test
    void aPlatinumPartnerHostedEmergencyIsForwardedToThePartnerWithTheWholeTicket() {
        String key = create("cto@platina.example", "Site is down for everyone", "Nothing loads since 10:02.\nNo page.",
                "2026-06-03T10:05:00-07:00");

        MimeMessage forward = awaitOne(smtp, "tickets@hosting-partner.example", key);
        assertThat(subject(forward)).isEqualTo("[" + key + "] Emergency for Platina Streams (Platinum): Site is down for"
                + " everyone");
        assertThat(text(forward)).contains("Ticket:    " + key, "Client:    Platina Streams, Platinum plan",
                "From:      cto@platina.example", "Received:  Wednesday 3 June 2026, 10:05 PDT",
                "Due:       Wednesday 3 June 2026, 10:35 PDT (a person on it within 30 minutes, around the clock)",
                "Subject:   Site is down for everyone", "Nothing loads since 10:02.\nNo page.");
        assertThat(header(forward, "Message-ID")).isEqualTo("<partner-" + idOf(key) + "@turnaround.example>");
        assertThat(header(forward, "Auto-Submitted")).isEqualTo("auto-generated");
        awaitOne(smtp, "cto@platina.example", key);
        assertThat(api.get("hana", "/api/tickets/" + key).body().get("history").toString())
                .contains("forward to the hosting partner to tickets@hosting-partner.example");
    }

    @Test
    void aSelfHostedClientsEmergencyNotifiesItsOwnHostingContact() {
        String key = create("it@ironclad.example", "Site is down", "Everything times out", null);

        MimeMessage notice = awaitOne(smtp, "noc@ironclad-dc.example", key);
        assertThat(subject(notice)).isEqualTo("[" + key + "] Emergency on the platform you host for Ironclad Cams: Site"
                + " is down");
        assertThat(text(notice)).contains("Ironclad Cams reports an emergency", "Everything times out");
        assertThat(header(notice, "Message-ID")).isEqualTo("<client-hosting-" + idOf(key) + "@turnaround.example>");
        assertThat(Smtp.received(smtp, "tickets@hosting-partner.example", key)).as("not the partner's business").isEmpty();
    }

    @Test
    void aStaffReplyIsDeliveredWithTheTicketsSubjectAsAnAnswerToTheAcknowledgement() {
        String key = create("help@silverline.example", "Export fails", "CSV export of March", null);
        awaitOne(smtp, "help@silverline.example", "We have your request");

        assertThat(api.post("alice", "/api/tickets/" + key + "/replies", "{\"body\":\"We are on it.\\nAlice\"}").status())
                .isEqualTo(201);

        MimeMessage reply = awaitOne(smtp, "help@silverline.example", "[" + key + "] Re: Export fails");
        assertThat(text(reply)).isEqualTo("We are on it.\nAlice");
        assertThat(header(reply, "In-Reply-To")).isEqualTo("<ack-" + idOf(key) + "@turnaround.example>");
        assertThat(header(reply, "References")).isEqualTo("<ack-" + idOf(key) + "@turnaround.example>");
        assertThat(header(reply, "Auto-Submitted")).as("a person wrote it").isNull();
        waitUntil(() -> "SENT".equals(jdbc.queryForObject("select o.status from outbound_mail o join ticket_message m"
                + " on m.id = o.message_id where m.ticket_id = ?", String.class, idOf(key))), Duration.ofSeconds(10),
                "the reply shows as sent");
    }

    @Test
    void anUnknownSenderHearsNothingUntilTriagedAndThenThePromise() {
        String key = create("new.person@goldcrest.example", "Cannot log in", "since today", null);

        assertThat(jdbc.queryForList("select idempotency_key from outbound_mail where recipient = ?", String.class,
                "new.person@goldcrest.example")).as("anyone could have us mail any address").isEmpty();
        assertThat(api.get("alice", "/api/tickets/" + key).body().get("history").toString())
                .contains("ACKNOWLEDGEMENT_DEFERRED", "no acknowledgement to new.person@goldcrest.example, whom no client"
                        + " knows, until staff triage the ticket");
        long goldcrest = jdbc.queryForObject("select id from client where name = 'Goldcrest Live'", Long.class);
        assertThat(api.post("alice", "/api/tickets/" + key + "/triage", "{\"clientId\":" + goldcrest + "}").status())
                .isEqualTo(200);

        MimeMessage promise = awaitOne(smtp, "new.person@goldcrest.example", key);
        assertThat(text(promise)).contains("Our promise under Goldcrest Live's Gold plan");
        assertThat(header(promise, "Message-ID")).isEqualTo("<ack-" + idOf(key) + "@turnaround.example>");
    }

    @Test
    void whileTheMailServerIsDownMailIsRetriedWithGrowingPausesThenListedForManagersAndARetrySendsItOnce() {
        smtp.stop();
        Instant queued = Instant.now();
        String key = create("owner@bluebird.example", "Reports are empty", "since Monday", null);
        String ack = "ack-" + idOf(key);

        waitUntil(() -> "FAILED".equals(status(ack)), Duration.ofSeconds(20), "the acknowledgement has FAILED");
        // Three attempts with 0.4 s, then 0.8 s between them: it cannot have failed for good sooner.
        assertThat(Duration.between(queued, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
        Map<String, Object> row = jdbc.queryForMap("select * from outbound_mail where idempotency_key = ?", ack);
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat((String) row.get("last_error")).contains("Couldn't connect to host").contains("Connection refused");
        assertThat(row.get("claimed_by")).isNull();

        JsonNode failed = api.get("maria", "/api/mail/outbox?status=FAILED").body();
        assertThat(failed.findValuesAsText("idempotencyKey")).contains(ack);
        JsonNode listed = failed.findParents("idempotencyKey").stream()
                .filter(m -> m.get("idempotencyKey").asText().equals(ack)).findFirst().orElseThrow();
        assertThat(listed.get("ticketKey").asText()).isEqualTo(key);
        assertThat(listed.get("recipient").asText()).isEqualTo("owner@bluebird.example");
        assertThat(listed.get("attempts").asInt()).isEqualTo(3);
        assertThat(api.get("alice", "/api/mail/outbox?status=FAILED").status()).as("agents do not see it").isEqualTo(403);
        assertThat(api.get("maria", "/api/mail/outbox?status=LOST").status()).isEqualTo(400);
        assertThat(metric("turnaround.mail.failed", "outcome:given-up")).isGreaterThanOrEqualTo(1);
        assertThat(metric("turnaround.mail.failed", "outcome:will-retry")).isGreaterThanOrEqualTo(2);

        StaffPages maria = StaffPages.signIn(port, "maria");
        String page = maria.get("/manager");
        assertThat(page).contains("Mail that could not be sent").contains("[" + key + "] We have your request: Reports are"
                + " empty").contains("Couldn&#39;t connect to host");

        smtp.start();
        long id = ((Number) row.get("id")).longValue();
        assertThat(maria.post("/manager/mail/" + id + "/retry", "").statusCode()).isEqualTo(302);
        MimeMessage sent = awaitOne(smtp, "owner@bluebird.example", key);
        assertThat(header(sent, "Message-ID")).isEqualTo("<" + ack + "@turnaround.example>");
        waitUntil(() -> "SENT".equals(status(ack)), Duration.ofSeconds(10), "marked sent");
        sleep(Duration.ofSeconds(1));
        assertThat(Smtp.received(smtp, "owner@bluebird.example", key)).as("sent once").hasSize(1);
        assertThat(api.post("maria", "/api/mail/outbox/" + id + "/retry", "").status()).isEqualTo(409);
        assertThat(api.post("maria", "/api/mail/outbox/999999/retry", "").status()).isEqualTo(404);
        assertThat(maria.get("/manager")).doesNotContain("Reports are empty");
    }

    private String create(String from, String subject, String body, String receivedAt) {
        Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"" + from + "\",\"subject\":\"" + subject
                + "\",\"body\":\"" + body.replace("\n", "\\n") + "\""
                + (receivedAt == null ? "" : ",\"receivedAt\":\"" + receivedAt + "\"") + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    private String status(String idempotencyKey) {
        return jdbc.queryForObject("select status from outbound_mail where idempotency_key = ?", String.class,
                idempotencyKey);
    }

    private double metric(String name, String tag) {
        JsonNode metric = api.get("admin", "/actuator/metrics/" + name + "?tag=" + tag).body();
        return metric == null ? 0 : metric.get("measurements").get(0).get("value").asDouble();
    }

    private static long idOf(String key) {
        return Long.parseLong(key.substring("TCK-".length()));
    }
}
