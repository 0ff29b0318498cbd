package io.turnaround.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import io.turnaround.support.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.turnaround.support.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledgements cannot be used to mail an address of someone's choosing: none to mail from a mailing list, none
 * at all for a machine's bulk mail, and at most five an hour to one address; the ticket's history says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:acknowledgement-limits;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "spring.mail.host=127.0.0.1",
        "turnaround.mail.outbox.poll-every=PT0.1S"})
class AcknowledgementLimitsIT extends ServerTestBase {

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", () -> Smtp.port(smtp));
    }

    @Test
    void listMailMakesATicketWithoutAcknowledgementEverAndBulkMailMakesNothing() {
        String sender = goldcrestContact("lists");
        String listed = push(MailFixtures.plain("l1@lists.example", sender, "Site is slow", "for all of us",
                "List-Id: Goldcrest operations <ops.goldcrest.example>"), 201);
        String plain = push(MailFixtures.plain("l2@goldcrest.example", sender, "Export fails", "since noon"), 201);

        Smtp.awaitOne(smtp, sender, plain);
        assertThat(acknowledgementKeysTo(sender)).containsExactly("ack-" + idOf(plain));
        assertThat(history(listed)).contains("ACKNOWLEDGEMENT_WITHHELD", "no acknowledgement to " + sender
                + ": mailing list mail (List-Id: Goldcrest operations <ops.goldcrest.example>)");
        // A manager corrects it: the emergency is in the hosting liaison queue, not alice's.
        assertThat(api.post("maria", "/api/tickets/" + listed + "/category", "{\"category\":\"NON_EMERGENCY\"}").status())
                .isEqualTo(200);
        assertThat(acknowledgementKeysTo(sender)).as("nor once it is decided again").containsExactly("ack-" + idOf(plain));

        int tickets = jdbc.queryForObject("select count(*) from ticket", Integer.class);
        Api.Response bulk = api.post("intake", "/api/inbound/email", MailFixtures.plain("l3@news.example", sender,
                "Our offers", "buy now", "Precedence: bulk"), "message/rfc822");
        assertThat(bulk.status()).isEqualTo(202);
        assertThat(bulk.body().get("kind").asText()).isEqualTo("IGNORED");
        assertThat(jdbc.queryForObject("select count(*) from ticket", Integer.class)).isEqualTo(tickets);
    }

    @Test
    void oneAddressGetsAtMostFiveAcknowledgementsAnHourWhateverItsCase() {
        String sender = goldcrestContact("many");
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String from = i == 6 ? sender.toUpperCase() : sender;
            Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"" + from + "\",\"subject\":\"Request "
                    + i + "\",\"body\":\"one of many\"}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            keys.add(created.body().get("key").asText());
        }

        assertThat(acknowledgementKeysTo(sender)).hasSize(5).doesNotContain("ack-" + idOf(keys.get(5)));
        assertThat(history(keys.get(5))).contains("ACKNOWLEDGEMENT_WITHHELD", "no acknowledgement to "
                + sender.toUpperCase() + ": it had 5 within PT1H, the most one address gets");
        waitUntil(() -> Smtp.received(smtp, sender, "We have your request").size() == 5, Duration.ofSeconds(20),
                "the five acknowledgements are delivered");
        assertThat(history(keys.get(4))).doesNotContain("ACKNOWLEDGEMENT_WITHHELD");
    }

    /** A new contact address of Goldcrest Live, so each test counts its own acknowledgements. */
    private String goldcrestContact(String name) {
        String address = name + "@goldcrest.example";
        jdbc.update("insert into client_contact (email, client_id) select ?, id from client where name = 'Goldcrest Live'",
                address);
        return address;
    }

    private String push(byte[] message, int expectedStatus) {
        Api.Response pushed = api.post("intake", "/api/inbound/email", message, "message/rfc822");
        assertThat(pushed.status()).as(pushed.text()).isEqualTo(expectedStatus);
        return pushed.body().get("ticketKey").asText();
    }

    private List<String> acknowledgementKeysTo(String address) {
        return jdbc.queryForList("select idempotency_key from outbound_mail where kind = 'ACKNOWLEDGEMENT'"
                + " and lower(recipient) = ? order by id", String.class, address);
    }

    private String history(String key) {
        return api.get("alice", "/api/tickets/" + key).body().get("history").toString();
    }

    private static long idOf(String key) {
        return Long.parseLong(key.substring("TCK-".length()));
    }
}
