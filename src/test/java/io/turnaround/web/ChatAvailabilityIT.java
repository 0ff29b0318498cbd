package io.turnaround.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.turnaround.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat availability on the embedded database with its demo clients: the channels endpoint by the shipped plans'
 * chat hours, and a chat request outside them taken as email. Moments are explicit ({@code at}, {@code receivedAt}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:chat;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                // Fixed moments long past make the promised due instants exact; intake takes them only if told to.
                "turnaround.intake.received-at-max-age=P3650D"})
class ChatAvailabilityIT extends ServerTestBase {

    /** Saturday 2026-11-28, 12:00 Pacific (PST). */
    private static final String SATURDAY_NOON = "2026-11-28T20:00:00Z";

    @Autowired
    Clock clock;

    @Test
    void aGoldClientOnSaturdayIsToldChatOpensMondayAtEightPacific() {
        Api.Response answer = api.get("intake", channels("Goldcrest Live", SATURDAY_NOON));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(names(body)).as("every field, null or not")
                .containsExactly("client", "clientName", "tier", "policyVersion", "at", "channels", "chat", "message");
        assertThat(names(body.get("chat")))
                .containsExactly("offered", "open", "zone", "opensAt", "opensAtLocal", "closesAt", "closesAtLocal");
        assertThat(body.get("client").asLong()).isEqualTo(clientId("Goldcrest Live"));
        assertThat(body.get("clientName").asText()).isEqualTo("Goldcrest Live");
        assertThat(body.get("tier").asText()).isEqualTo("GOLD");
        assertThat(body.get("at").asText()).isEqualTo(SATURDAY_NOON);
        assertThat(texts(body.get("channels"))).containsExactly("EMAIL");
        JsonNode chat = body.get("chat");
        assertThat(chat.get("offered").asBoolean()).isTrue();
        assertThat(chat.get("open").asBoolean()).isFalse();
        assertThat(chat.get("zone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(chat.get("opensAt").asText()).isEqualTo("2026-11-30T16:00:00Z");
        assertThat(chat.get("opensAtLocal").asText()).isEqualTo("Monday 2026-11-30 08:00 America/Los_Angeles");
        assertThat(chat.get("closesAt").isNull()).isTrue();
        assertThat(body.get("message").asText())
                .isEqualTo("Chat is closed now; it opens Monday 30 November 2026 at 08:00 Pacific Time. Email is always open.");
    }

    @Test
    void aPlatinumClientInsideTheWeekendWindowMayChatUntilTwoPacific() {
        JsonNode body = api.get("alice", channels("Platina Streams", "2026-11-28T19:00:00Z")).body();

        assertThat(texts(body.get("channels"))).containsExactly("EMAIL", "CHAT");
        assertThat(body.get("chat").get("open").asBoolean()).isTrue();
        assertThat(body.get("chat").get("opensAt").isNull()).isTrue();
        assertThat(body.get("chat").get("closesAt").asText()).isEqualTo("2026-11-28T22:00:00Z");
        assertThat(body.get("chat").get("closesAtLocal").asText()).isEqualTo("Saturday 2026-11-28 14:00 America/Los_Angeles");
    }

    @Test
    void anEmailOnlyPlanOffersNoChatAtAnyTime() {
        JsonNode body = api.get("maria", channels("Silverline Media", "2026-11-30T18:00:00Z")).body();

        assertThat(texts(body.get("channels"))).containsExactly("EMAIL");
        assertThat(body.get("chat").get("offered").asBoolean()).isFalse();
        assertThat(body.get("chat").get("opensAt").isNull()).isTrue();
        assertThat(body.get("message").asText()).isEqualTo("The Silver plan is email only: no chat. Email is always open.");
    }

    @Test
    void withoutAtTheAnswerIsForNow() {
        Instant before = clock.instant();
        JsonNode body = api.get("admin", "/api/clients/" + clientId("Goldcrest Live") + "/channels").body();

        assertThat(Instant.parse(body.get("at").asText())).isBetween(before, clock.instant());
    }

    @Test
    void anUnknownClientIsA404AndABadMomentA400NamingIt() {
        Api.Response unknown = api.get("intake", "/api/clients/999999/channels");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asText()).isEqualTo("no client 999999");

        Api.Response bad = api.get("intake", "/api/clients/" + clientId("Goldcrest Live") + "/channels?at=next-monday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asText()).isEqualTo("parameter 'at' is invalid");
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("at");
        assertThat(bad.body().get("errors").get(0).get("message").asText()).contains("2026-11-28T20:00:00Z");
    }

    @Test
    void aChatFrontEndWithAnIntakeTokenMayAskAndStrangersMayNot() {
        String token = api.post("intake", "/api/tokens", "{\"name\":\"chat front-end\"}").body().get("token").asText();
        String path = channels("Goldcrest Live", SATURDAY_NOON);

        assertThat(api.request("GET", bearer(token), path, null).status()).isEqualTo(200);
        assertThat(api.get("dave", path).status()).as("an agent").isEqualTo(200);
        assertThat(api.request("GET", null, path, null).status()).isEqualTo(401);
        assertThat(api.get("intake", "/api/clients/" + clientId("Goldcrest Live") + "/holidays").status())
                .as("the intake role reads channels only, not the rest of a client").isEqualTo(403);
    }

    @Test
    void aChatMessageOutsideTheWindowIsTakenAsEmailAndTheCustomerToldWhy() {
        Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"channel\":\"CHAT\","
                + "\"subject\":\"Reports are empty\",\"body\":\"since this morning\",\"receivedAt\":\"" + SATURDAY_NOON + "\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("channel").asText()).isEqualTo("EMAIL");
        String note = "Chat was closed when your message arrived, so we have taken it as an email and will answer you by"
                + " email. Chat opens again on Monday 30 November 2026 at 08:00 Pacific Time.";
        assertThat(created.body().get("notice").asText()).isEqualTo(note);

        String key = created.body().get("key").asText();
        JsonNode history = api.get("alice", "/api/tickets/" + key).body().get("history");
        assertThat(history.findValuesAsText("event")).containsSubsequence("RECEIVED", "CHANNEL_CHANGED", "DECIDED");
        assertThat(history.findValuesAsText("detail")).contains("chat is closed for GOLD at 2026-11-28T20:00:00Z;"
                + " taken as email; chat opens Monday 2026-11-30 08:00 America/Los_Angeles");
        assertThat(api.get("alice", "/api/tickets/" + key).body().has("notice")).isFalse();

        List<String> acks = jdbc.queryForList("select body from outbound_mail where idempotency_key = ?", String.class,
                "ack-" + idOf(key));
        assertThat(acks).singleElement().asString().contains("is ticket " + key + ". " + note);
    }

    @Test
    void aChatMessageToAnEmailOnlyPlanIsTakenAsEmail() {
        JsonNode created = api.post("intake", "/api/tickets", "{\"from\":\"help@silverline.example\",\"channel\":\"CHAT\","
                + "\"subject\":\"Export\",\"body\":\"fails\",\"receivedAt\":\"2026-11-30T18:00:00Z\"}").body();

        assertThat(created.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(created.get("notice").asText()).startsWith("Your Silver plan includes support by email rather than chat");
        assertThat(jdbc.queryForObject("select count(*) from outbound_mail where idempotency_key = ?", Integer.class,
                "ack-" + idOf(created.get("key").asText()))).isEqualTo(1);
    }

    @Test
    void aChatMessageInsideTheWindowStaysChatAndIsNotMailed() {
        JsonNode created = api.post("intake", "/api/tickets", "{\"from\":\"ops@goldcrest.example\",\"channel\":\"CHAT\","
                + "\"subject\":\"Reports are empty\",\"body\":\"since this morning\","
                + "\"receivedAt\":\"2026-11-30T10:00:00-08:00\"}").body();

        assertThat(created.get("channel").asText()).isEqualTo("CHAT");
        assertThat(created.has("notice")).isFalse();
        String key = created.get("key").asText();
        assertThat(api.get("alice", "/api/tickets/" + key).body().get("history").findValuesAsText("event"))
                .doesNotContain("CHANNEL_CHANGED");
        assertThat(jdbc.queryForObject("select count(*) from outbound_mail where ticket_id = ?", Integer.class, idOf(key)))
                .isZero();
    }

    @Test
    void aChatMessageFromAnUnknownSenderStaysAsItCameForTriage() {
        JsonNode created = api.post("intake", "/api/tickets", "{\"from\":\"someone@nowhere.example\",\"channel\":\"CHAT\","
                + "\"subject\":\"Hello\",\"body\":\"anyone?\",\"receivedAt\":\"" + SATURDAY_NOON + "\"}").body();

        assertThat(created.get("status").asText()).isEqualTo("TRIAGE");
        assertThat(created.get("channel").asText()).isEqualTo("CHAT");
        assertThat(created.has("notice")).isFalse();
    }

    private String channels(String clientName, String at) {
        return "/api/clients/" + clientId(clientName) + "/channels?at=" + at;
    }

    private long clientId(String name) {
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    private static long idOf(String key) {
        return Long.parseLong(key.substring("TCK-".length()));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
