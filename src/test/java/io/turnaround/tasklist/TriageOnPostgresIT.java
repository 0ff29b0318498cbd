package io.turnaround.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.DemoServer;
import io.turnaround.support.StaffPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail from senders nobody knows waits in a triage queue the support desk, managers and admins see, the longest
 * waiting first, with the client it most likely belongs to; one form links it, and can make the sender's domain a
 * contact. The manager view lists what has waited longer than {@code turnaround.triage.warn-after}.
 */
class TriageOnPostgresIT {

    private static ConfigurableApplicationContext server;
    private static int port;
    private static Api api;

    @BeforeAll
    static void start() {
        server = DemoServer.startOnPostgres();
        port = DemoServer.port(server);
        api = new Api(port);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSupportDeskSeesTriageWithSuggestionsAndLinksATicketMakingItsDomainAContact() {
        long kestrel = client("Kestrel Studio", "ada@kestrel.example");
        long lantern = client("Lantern Works", "ops@lantern.example");
        String earlier = ticket("carl@freemail.example", "Invoice question", Instant.now().minus(Duration.ofHours(3)));
        api.post("maria", "/api/tickets/" + earlier + "/triage", "{\"clientId\":" + lantern + "}");
        String bob = ticket("bob@kestrel.example", "Site is down", Instant.now().minus(Duration.ofHours(2)));
        String carl = ticket("carl@freemail.example", "Another question", Instant.now().minus(Duration.ofMinutes(5)));

        StaffPages alice = StaffPages.signIn(port, "alice");
        assertThat(alice.get("/tasks")).containsPattern("Triage: [0-9]+ waiting for a client");
        String queue = alice.get("/tasks/triage");
        assertThat(queue.indexOf(bob)).as("the longest waiting first").isLessThan(queue.indexOf(carl));
        assertThat(queue).contains("Suggested: Kestrel Studio (Kestrel Studio has contacts at kestrel.example)")
                .contains("Suggested: Lantern Works (carl@freemail.example wrote for Lantern Works before)")
                .contains(">2 h<").contains("add everyone at kestrel.example");

        HttpResponse<String> linked = alice.post("/tickets/" + bob + "/triage", "client=kestrel+studio&contact=DOMAIN"
                + "&category=&returnTo=%2Ftasks%2Ftriage");
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(linked.headers().firstValue("Location").orElseThrow()).endsWith("/tickets/" + bob);
        JsonNode ticket = api.get("maria", "/api/tickets/" + bob).body();
        assertThat(ticket.get("client").asText()).isEqualTo("Kestrel Studio");
        assertThat(ticket.get("category").asText()).isEqualTo("EMERGENCY");
        assertThat(ticket.get("history").findValuesAsText("detail"))
                .anyMatch(d -> d.endsWith("; @kestrel.example is now its contact"));
        assertThat(api.get("maria", "/api/clients/" + kestrel + "/contacts").body().findValuesAsText("address"))
                .containsExactly("@kestrel.example", "ada@kestrel.example");
        assertThat(api.post("intake", "/api/tickets", "{\"from\":\"dan@kestrel.example\",\"subject\":\"Hi\","
                + "\"body\":\"A question\"}").body().get("client").asText()).isEqualTo("Kestrel Studio");

        alice.get("/tasks/triage");
        HttpResponse<String> unknown = alice.post("/tickets/" + carl + "/triage", "client=Nobody+Inc&contact=NONE"
                + "&category=&returnTo=%2Ftasks%2Ftriage");
        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(alice.get("/tasks/triage")).contains("No client is called Nobody Inc: pick one from the list.");
        assertThat(alice.get("/tickets/" + carl)).contains("Waiting for triage for").contains("Link</button>");
    }

    @Test
    void onlyTheSupportDeskManagersAndAdminsTriageAndManagersSeeWhatWaitedTooLong() {
        String old = ticket("someone@unknown-" + System.nanoTime() + ".example", "Old and waiting",
                Instant.now().minus(Duration.ofMinutes(90)));
        String fresh = ticket("someone@fresh-" + System.nanoTime() + ".example", "Just arrived", Instant.now());

        StaffPages tess = StaffPages.signIn(port, "tess");
        HttpResponse<String> trainer = tess.response("/tasks/triage");
        assertThat(trainer.statusCode()).as("a trainer").isEqualTo(302);
        assertThat(tess.get("/tasks")).contains("The triage queue is the support desk&#39;s, the managers&#39; and the"
                + " admins&#39;.").doesNotContain("waiting for a client");
        assertThat(StaffPages.signIn(port, "andy").response("/tasks/triage").statusCode()).as("an analyst")
                .isIn(302, 403);
        assertThat(StaffPages.signIn(port, "admin").response("/tasks/triage").statusCode()).isEqualTo(200);

        String manager = StaffPages.signIn(port, "maria").get("/manager");
        String section = manager.substring(manager.indexOf("id=\"triage-overdue\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section).contains("Waiting for triage over 1 h").contains(old).doesNotContain(fresh);
    }

    @Test
    void pagesShowTimesInTheViewersZoneTheClientsWhereItDiffersAndTurnaroundsInWords() {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"help@silverline.example\",\"subject\":\"A question"
                + " about exports\",\"body\":\"How do we export?\"}").body().get("key").asText();

        StaffPages hana = StaffPages.signIn(port, "hana", "demo", "Europe/Berlin");
        String page = hana.get("/tickets/" + key);
        assertThat(page).as("the browser's zone from the sign-in form").containsPattern("\\d\\d:\\d\\d CES?T</time>")
                .containsPattern("\\(\\w{3} \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d E[SD]T for the client\\)")
                .containsPattern(">\\d+ business hours</dd>");
        api.request("PATCH", Api.basic("admin"), "/api/staff/hana", "{\"timeZone\":\"America/Los_Angeles\"}");
        assertThat(hana.get("/tickets/" + key)).as("the profile's zone wins").containsPattern("\\d\\d:\\d\\d P[SD]T</time>")
                .doesNotContainPattern("\\d\\d:\\d\\d CES?T</time>");
        assertThat(StaffPages.signIn(port, "tess", "demo", "Not/AZone").get("/tickets/" + key))
                .as("no zone known: UTC").containsPattern("\\d\\d:\\d\\d UTC</time>");
    }

    private static long client(String name, String contact) {
        long id = api.post("maria", "/api/clients", "{\"name\":\"" + name + "\",\"tier\":\"GOLD\",\"hosting\":\"PARTNER\","
                + "\"timeZone\":\"America/Los_Angeles\"}").body().get("id").asLong();
        api.post("maria", "/api/clients/" + id + "/contacts", "{\"address\":\"" + contact + "\"}");
        return id;
    }

    private static String ticket(String from, String subject, Instant receivedAt) {
        Api.Response received = api.post("intake", "/api/tickets", "{\"from\":\"" + from + "\",\"subject\":\""
                + subject + "\",\"body\":\"Please help\",\"receivedAt\":\"" + receivedAt + "\"}");
        assertThat(received.body().get("status").asText()).isEqualTo("TRIAGE");
        return received.body().get("key").asText();
    }
}
