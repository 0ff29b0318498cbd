package io.turnaround.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.DemoServer;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.StaffPages;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Managers add and change clients and their contacts, addresses and whole domains, over REST, on the client pages
 * and from CSV: a sender
 * matches its address first, then its domain; a disabled client's mail waits in triage; every change is audited.
 */
class ClientAdministrationOnPostgresIT {

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
    void aManagerAddsAClientWhoseRulesAreCheckedAndEveryChangeIsAudited() {
        String bluebird = "{\"name\":\"Bluebird Studio\",\"tier\":\"GOLD\",\"hosting\":\"PARTNER\","
                + "\"timeZone\":\"America/Chicago\",\"licensingFee\":\"250.00\",\"planStart\":\"2026-11-01\"}";
        assertThat(api.post("alice", "/api/clients", bluebird).status()).as("an agent").isEqualTo(403);
        Api.Response created = api.post("maria", "/api/clients", bluebird);
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("enabled").asBoolean()).isTrue();
        assertThat(created.body().get("planStart").asText()).isEqualTo("2026-11-01");

        assertThat(detail(api.post("maria", "/api/clients", bluebird.replace("Bluebird Studio", "bluebird studio"))))
                .isEqualTo("a client named Bluebird Studio exists already (client " + id + ")");
        assertThat(detail(api.post("maria", "/api/clients", bluebird.replace("Bluebird", "Own").replace("PARTNER", "SELF"))))
                .startsWith("a self-hosted client needs a hosting contact");
        assertThat(detail(api.post("maria", "/api/clients", bluebird.replace("Bluebird", "Zoned")
                .replace("America/Chicago", "Central")))).isEqualTo("Central is no IANA time zone (e.g. America/New_York)");
        assertThat(detail(api.post("maria", "/api/clients", bluebird.replace("Bluebird", "Costly")
                .replace("250.00", "-1")))).startsWith("a licensing fee is an amount such as 400.00");

        Api.Response tier = patch(id, "{\"tier\":\"PLATINUM\"}");
        assertThat(tier.status()).isEqualTo(400);
        assertThat(tier.body().get("detail").asText()).startsWith("the tier changes with PUT /api/clients/" + id + "/tier");
        JsonNode changed = patch(id, "{\"hosting\":\"SELF\",\"hostingContact\":\"Ops@Bluebird.example\","
                + "\"licensingFee\":\"\"}").body();
        assertThat(changed.get("hostingContact").asText()).isEqualTo("ops@bluebird.example");
        assertThat(changed.get("licensingFee").isNull()).isTrue();
        assertThat(api.request("PUT", Api.basic("admin"), "/api/clients/" + id + "/tier", "{\"tier\":\"SILVER\"}")
                .status()).isEqualTo(200);

        List<String> audit = new ArrayList<>();
        api.get("maria", "/api/clients/" + id + "/audit").body().forEach(e -> audit.add(e.get("actor").asText() + " "
                + e.get("what").asText() + ": " + e.get("before").asText() + " -> " + e.get("after").asText()));
        assertThat(audit).containsExactly(
                "admin tier: GOLD -> SILVER",
                "maria licensing_fee: 250.00 -> null",
                "maria hosting_contact: null -> ops@bluebird.example",
                "maria hosting: PARTNER -> SELF",
                "maria created: null -> Bluebird Studio (GOLD)");
    }

    @Test
    void aSenderMatchesItsAddressFirstThenItsDomainAndAContactBelongsToOneClient() {
        long harbour = create("Harbour Lights", "SILVER");
        long lantern = create("Lantern Works", "PLATINUM");
        Api.Response domain = api.post("maria", "/api/clients/" + harbour + "/contacts",
                "{\"address\":\"@Harbour.example\",\"name\":\"Anyone at Harbour\"}");
        assertThat(domain.status()).isEqualTo(201);
        assertThat(domain.body().get("address").asText()).isEqualTo("@harbour.example");
        Api.Response taken = api.post("maria", "/api/clients/" + lantern + "/contacts", "{\"address\":\"@harbour.example\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("detail").asText()).isEqualTo("@harbour.example is already a contact of Harbour Lights"
                + " (client " + harbour + ")");
        assertThat(detail(api.post("maria", "/api/clients/" + lantern + "/contacts", "{\"address\":\"harbour.example\"}")))
                .startsWith("a contact is a mail address (ada@bluebird.example) or a whole domain");
        assertThat(api.post("maria", "/api/clients/" + lantern + "/contacts", "{\"address\":\"cto@harbour.example\"}")
                .status()).as("an address wins over its domain").isEqualTo(201);

        assertThat(ticketFrom("new.person@HARBOUR.example").get("client").asText()).isEqualTo("Harbour Lights");
        assertThat(ticketFrom("cto@harbour.example").get("client").asText()).isEqualTo("Lantern Works");
        assertThat(ticketFrom("someone@sub.harbour.example").get("status").asText()).as("only the domain itself")
                .isEqualTo("TRIAGE");

        assertThat(api.request("DELETE", Api.basic("maria"), "/api/clients/" + lantern + "/contacts/cto@harbour.example",
                null).status()).isEqualTo(204);
        assertThat(ticketFrom("cto@harbour.example").get("client").asText()).isEqualTo("Harbour Lights");
        assertThat(api.get("maria", "/api/clients?q=harbour.exa").body().findValuesAsText("name"))
                .containsExactly("Harbour Lights");
    }

    @Test
    void aDisabledClientsMailWaitsInTriageWithTheReason() {
        long quiet = create("Quiet Pines", "BRONZE");
        api.post("maria", "/api/clients/" + quiet + "/contacts", "{\"address\":\"@quietpines.example\"}");
        assertThat(patch(quiet, "{\"enabled\":false}").body().get("enabled").asBoolean()).isFalse();

        JsonNode ticket = ticketFrom("owner@quietpines.example");
        assertThat(ticket.get("status").asText()).isEqualTo("TRIAGE");
        String key = ticket.get("key").asText();
        assertThat(api.get("maria", "/api/tickets/" + key).body().at("/history/0/detail").asText())
                .isEqualTo("via API from owner@quietpines.example of Quiet Pines, a disabled client; waiting for triage");
        Api.Response linked = api.post("maria", "/api/tickets/" + key + "/triage", "{\"clientId\":" + quiet + "}");
        assertThat(linked.status()).isEqualTo(409);
        assertThat(linked.body().get("detail").asText()).isEqualTo("Quiet Pines is disabled: enable the client first");
    }

    @Test
    void aCsvImportIsADryRunFirstListingBadRowsByLineThenAppliedAllOrNothing() {
        long existing = create("Meadow Farm", "GOLD");
        String bad = """
                client,tier,hosting,hosting_contact,time_zone,licensing_fee,plan_start,contact,contact_name
                Orchard Games,SILVER,PARTNER,,America/Denver,100.00,2026-12-01,@orchard.example,
                Orchard Games,GOLD,,,,,,ceo@orchard.example,Olive Orchard
                Meadow Farm,,,,Europe/Dublin,,,@meadow.example,
                River Bank,PLATINUM,SELF,,Europe/Paris,,,help@river.example,
                """;
        Api.Response refused = importCsv(bad, null);
        assertThat(refused.status()).isEqualTo(422);
        List<String> problems = new ArrayList<>();
        refused.body().get("problems").forEach(p -> problems.add(p.get("line").asInt() + ": " + p.get("message").asText()));
        assertThat(problems).containsExactly(
                "3: tier GOLD differs from SILVER on an earlier line of Orchard Games",
                "5: a self-hosted client needs a hosting contact: the address its emergencies are forwarded to");
        assertThat(refused.body().get("applyToken").isNull()).isTrue();
        assertThat(api.get("maria", "/api/clients?q=orchard").body()).as("a dry run writes nothing").isEmpty();

        String good = bad.replace("Orchard Games,GOLD", "Orchard Games,").replace("SELF,,", "SELF,ops@river.example,");
        Api.Response dryRun = importCsv(good, null);
        assertThat(dryRun.status()).isEqualTo(200);
        JsonNode report = dryRun.body();
        assertThat(report.get("applied").asBoolean()).isFalse();
        assertThat(report.get("rows").asInt()).isEqualTo(4);
        assertThat(report.get("created").toString()).isEqualTo("[\"Orchard Games\",\"River Bank\"]");
        assertThat(report.get("changed").toString()).isEqualTo("[{\"client\":\"Meadow Farm\",\"field\":\"time_zone\","
                + "\"before\":\"America/New_York\",\"after\":\"Europe/Dublin\"}]");
        assertThat(report.get("contactsAdded")).hasSize(4);
        assertThat(api.get("maria", "/api/clients?q=orchard").body()).isEmpty();

        assertThat(importCsv(good + "Late Row,GOLD,PARTNER,,UTC,,,,\n", report.get("applyToken").asText()).status())
                .as("another file than the dry run's").isEqualTo(409);
        Api.Response applied = importCsv(good, report.get("applyToken").asText());
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().get("applied").asBoolean()).isTrue();
        assertThat(ticketFrom("anyone@orchard.example").get("client").asText()).isEqualTo("Orchard Games");
        assertThat(api.get("maria", "/api/clients/" + existing).body().get("timeZone").asText()).isEqualTo("Europe/Dublin");
    }

    @Test
    void managersKeepClientsOnTheClientPagesAndOnlyAdminsChangeAPlan() {
        StaffPages maria = StaffPages.signIn(port, "maria");
        assertThat(maria.get("/clients")).contains("Add a client").contains("Import clients and contacts from CSV");
        HttpResponse<String> refused = maria.post("/clients", "name=Cedar+Dental&tier=GOLD&hosting=PARTNER"
                + "&timeZone=Pacific&licensingFee=&planStart=");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Not saved: Pacific is no IANA time zone").contains("value=\"Cedar Dental\"");

        HttpResponse<String> added = maria.post("/clients", "name=Cedar+Dental&tier=GOLD&hosting=PARTNER"
                + "&timeZone=America%2FPhoenix&licensingFee=120&planStart=2026-12-01");
        assertThat(added.statusCode()).isEqualTo(302);
        String page = added.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        assertThat(maria.get("/clients/" + id)).contains("Cedar Dental is added").contains("No contacts yet");
        assertThat(maria.post("/clients/" + id + "/contacts", "address=%40cedar.example&name=").statusCode())
                .isEqualTo(302);
        long other = create("Cedar Tree", "BRONZE");
        maria.get("/clients/" + other);
        HttpResponse<String> clash = maria.post("/clients/" + other + "/contacts", "address=%40Cedar.example&name=");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("Not saved: @cedar.example is already a contact of Cedar Dental (client "
                + id + ")").contains("value=\"@Cedar.example\"");
        assertThat(maria.post("/clients/" + id + "/tier", "tier=PLATINUM").statusCode()).as("a manager")
                .isIn(302, 403);
        assertThat(api.get("maria", "/api/clients/" + id).body().get("tier").asText()).isEqualTo("GOLD");
        StaffPages admin = StaffPages.signIn(port, "admin");
        admin.get("/clients/" + id);
        assertThat(admin.post("/clients/" + id + "/tier", "tier=PLATINUM").statusCode()).isEqualTo(302);
        assertThat(admin.get("/clients/" + id)).contains("The tier is PLATINUM").contains("GOLD", "PLATINUM");

        maria.get("/clients/import");
        String csv = "client,tier,hosting,time_zone,contact\nWillow Vets,SILVER,PARTNER,Europe/Berlin,@willow.example\n";
        String dryRun = maria.post("/clients/import", "csv=" + URLEncoder.encode(csv, StandardCharsets.UTF_8)).body();
        assertThat(dryRun).contains("The dry run found no bad row").contains("add Willow Vets");
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f]{64})\"").matcher(dryRun);
        assertThat(token.find()).isTrue();
        assertThat(api.get("maria", "/api/clients?q=willow").body()).isEmpty();
        HttpResponse<String> applied = maria.post("/clients/import", "token=" + token.group(1) + "&csv="
                + URLEncoder.encode(csv, StandardCharsets.UTF_8));
        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(ticketFrom("vet@willow.example").get("client").asText()).isEqualTo("Willow Vets");
    }

    @Test
    void twoClientsNeverShareANameWhateverItsCaseNotEvenWhenAddedAtOnce() throws Exception {
        create("Willow Creek", "GOLD");
        JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
        assertThatThrownBy(() -> jdbc.update("insert into client (name, tier, hosting, time_zone)"
                + " values ('WILLOW creek', 'GOLD', 'PARTNER', 'UTC')")).isInstanceOf(DuplicateKeyException.class);

        ExecutorService managers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(managers.submit(() -> api.post("maria", "/api/clients", "{\"name\":\"Aspen Grove\","
                        + "\"tier\":\"SILVER\",\"hosting\":\"PARTNER\",\"timeZone\":\"UTC\"}").status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).as("one made, the others refused as a conflict").containsOnly(201, 409)
                    .filteredOn(status -> status == 201).hasSize(1);
        } finally {
            managers.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from client where lower(name) = 'aspen grove'", Integer.class))
                .isEqualTo(1);
    }

    /** Clients already named alike before the names were unique: the later ones get their id after the name. */
    @Test
    void anUpgradeRenamesClientsThatShareANameKeepingTheFirst() {
        PostgresDatabase old = PostgresDatabase.create();
        migrate(old, "59");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(old.url(), old.user(), ""));
        for (String name : List.of("Cedar Hill", "cedar hill", "Elm Row", "CEDAR HILL")) {
            jdbc.update("insert into client (name, tier, hosting, time_zone) values (?, 'GOLD', 'PARTNER', 'UTC')", name);
        }
        migrate(old, "60");
        List<Long> ids = jdbc.queryForList("select id from client order by id", Long.class);
        assertThat(jdbc.queryForList("select name from client order by id", String.class)).containsExactly(
                "Cedar Hill", "cedar hill (client " + ids.get(1) + ")", "Elm Row", "CEDAR HILL (client " + ids.get(3)
                        + ")");
    }

    private static void migrate(PostgresDatabase database, String toVersion) {
        Flyway.configure().dataSource(database.url(), database.user(), "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .target(toVersion).load().migrate();
    }

    private static long create(String name, String tier) {
        return api.post("maria", "/api/clients", "{\"name\":\"" + name + "\",\"tier\":\"" + tier + "\","
                + "\"hosting\":\"PARTNER\",\"timeZone\":\"America/New_York\"}").body().get("id").asLong();
    }

    private static Api.Response patch(long id, String json) {
        return api.request("PATCH", Api.basic("maria"), "/api/clients/" + id, json);
    }

    private static JsonNode ticketFrom(String sender) {
        Api.Response received = api.post("intake", "/api/tickets", "{\"from\":\"" + sender + "\",\"subject\":\"Hello\","
                + "\"body\":\"A question about our plan\"}");
        assertThat(received.status()).isEqualTo(201);
        return received.body();
    }

    private static Api.Response importCsv(String csv, String token) {
        return api.post("maria", "/api/clients/import" + (token == null ? "" : "?apply=" + token),
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static String detail(Api.Response response) {
        assertThat(response.status()).isIn(400, 409);
        return response.body().get("detail").asText();
    }
}
