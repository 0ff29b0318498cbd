package io.turnaround.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.Browser;
import io.turnaround.support.DemoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA compliance on PostgreSQL, counted from a recorded history: 40 tickets written as the server writes them (ticket
 * rows and history lines), their promises rebuilt from that history, and every figure checked against values worked
 * out by hand below. The cases: re-decided by a corrected category, moved to another policy version, triaged, breached
 * then assigned, paused (and still paused), reopened across a month's end, received on either side of a month's end
 * in the reporting zone, and twice at 01:30 on the day the clocks go back. Then one ticket through the live intake:
 * its promise as kept at event time equals the one rebuilt from its history.
 */
class ComplianceOnPostgresIT {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private static ConfigurableApplicationContext server;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static final List<String> platinum = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = DemoServer.startOnPostgres();
        api = new Api(DemoServer.port(server));
        jdbc = server.getBean(JdbcTemplate.class);
        gold();
        platinum();
        silver();
        bronze();
        Api.Response rebuilt = api.post("admin", "/api/reports/promises/rebuild", "");
        assertThat(rebuilt.status()).as(rebuilt.text()).isEqualTo(200);
        assertThat(rebuilt.body().get("tickets").asInt()).isEqualTo(40);
        assertThat(rebuilt.body().get("promises").asInt()).as("the reopened ticket made two").isEqualTo(41);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Gold, business clock, 8 h: ten tickets assigned after 1 to 10 h on their clock (2 to 20 h of wall time); the
     * last two breached. On the clock: median 5.5 h; p90 9 h + 0.1 × 1 h = 9 h 6 min. Wall: median (10 + 12) / 2 =
     * 11 h; p90 18 h + 0.1 × 2 h = 18 h 12 min.
     */
    private static void gold() {
        for (int k = 1; k <= 10; k++) {
            Instant received = pacific(LocalDateTime.of(2026, 11, 1 + k, 9, 0));
            long id = ticket("Goldcrest Live", "GOLD", received, null);
            decided(id, received, "NON_EMERGENCY (one user) -> SUPPORT_DESK for support-desk, GOLD plan: PT8H on the"
                    + " BUSINESS_HOURS clock, due " + received.plus(Duration.ofHours(8)), 1);
            stopped(id, received.plus(Duration.ofHours(2L * k)), k <= 8 ? "met" : "breached", "PT" + k + "H", "alice");
        }
    }

    /**
     * Platinum, 24x7, 30 min, all on 16 November: six met after 10 to 20 min; one breached by the ladder at 31 min
     * and assigned at 45; one paused 5 min in for 1 h, assigned 20 min into its clock (80 min of wall time); one
     * paused 5 min in and still paused (running); one nobody took, past due (breached). Met 7, breached 2, running 1:
     * 77.8 %. On the clock: 10, 12, 14, 16, 18, 20, 20, 45: median 17 min, p90 20 + 0.3 × 25 = 27.5 min. Wall: 10,
     * 12, 14, 16, 18, 20, 45, 80: median 17 min, p90 45 + 0.3 × 35 = 55.5 min. Paused 1 h, two tickets paused.
     */
    private static void platinum() {
        for (int k = 0; k < 10; k++) {
            Instant r = pacific(LocalDateTime.of(2026, 11, 16, 8 + k, 0));
            long id = ticket("Platina Streams", "PLATINUM", r, null);
            platinum.add(key(id));
            decided(id, r, "EMERGENCY (site down) -> HOSTING_PARTNER for hosting-liaison, PLATINUM plan: PT30M on the"
                    + " 24x7 clock, due " + r.plus(Duration.ofMinutes(30)), 1);
            if (k < 6) {
                stopped(id, r.plus(Duration.ofMinutes(10 + 2L * k)), "met", "PT" + (10 + 2 * k) + "M", "hana");
            } else if (k == 6) {
                line(id, r.plus(Duration.ofMinutes(31)), "sla-timer", "SLA_BREACHED", "nobody assigned by "
                        + r.plus(Duration.ofMinutes(30)) + "; escalated to on-call");
                stopped(id, r.plus(Duration.ofMinutes(45)), "breached", "PT45M", "hana");
            } else if (k == 7) {
                line(id, r.plus(Duration.ofMinutes(5)), "hana", "WAITING", "on customer; the SLA clock is paused");
                line(id, r.plus(Duration.ofMinutes(65)), "hana", "WAITING_ENDED", "waited on customer; the SLA clock"
                        + " runs again after PT1H of paused 24x7 time, due " + r.plus(Duration.ofMinutes(90)));
                stopped(id, r.plus(Duration.ofMinutes(80)), "met", "PT20M", "hana");
            } else if (k == 8) {
                line(id, r.plus(Duration.ofMinutes(5)), "hana", "WAITING", "on customer; the SLA clock is paused");
            }
            if (k == 3 || k == 6 || k == 9) {
                rung(id, 0, "50%", "NOTIFY_ASSIGNEE", r.plus(Duration.ofMinutes(15)), "DONE");
                rung(id, 1, "80%", "NOTIFY_GROUP", r.plus(Duration.ofMinutes(24)), k == 3 ? "SKIPPED" : "DONE");
            }
            if (k == 6 || k == 9) {
                rung(id, 2, "100%", "BREACH", r.plus(Duration.ofMinutes(30)), "DONE");
            }
            if (k <= 2) {
                jdbc.update("update ticket set partner_responded_at = ? where id = ?", OffsetDateTime.ofInstant(
                        r.plus(Duration.ofMinutes(List.of(20, 40, 25).get(k))), ZoneOffset.UTC), id);
            }
        }
    }

    /**
     * Silver. In November (7): one re-decided by a corrected category (counted once, as EMERGENCY), one moved to
     * policy v2, one triaged (its wall time from receipt, 2.5 h), the reopened one's second promise (breached), two
     * received at 01:30 on 1 November (PDT, then PST), one answered 30 min in. Met 6, breached 1. In October (3): the
     * reopened one's first promise (met, resolved 3 h in), one received 23:30 PDT on 31 October (06:30 UTC on 1
     * November), one breached.
     */
    private static void silver() {
        Instant r1 = pacific(LocalDateTime.of(2026, 11, 17, 9, 0));
        long s1 = ticket("Silverline Media", "SILVER", r1, null);
        decided(s1, r1, "NON_EMERGENCY (one user) -> SUPPORT_DESK for support-desk, SILVER plan: PT24H on the"
                + " BUSINESS_HOURS clock, due " + r1.plus(Duration.ofHours(24)), 1);
        line(s1, r1.plus(Duration.ofMinutes(20)), "maria", "CATEGORY_CORRECTED", "NON_EMERGENCY -> EMERGENCY");
        decided(s1, r1.plus(Duration.ofMinutes(20)), "EMERGENCY (staff chose EMERGENCY) -> HOSTING_PARTNER for"
                + " hosting-liaison, SILVER plan: PT4H on the 24x7 clock, due " + r1.plus(Duration.ofHours(4)), 1);
        stopped(s1, r1.plus(Duration.ofHours(1)), "met", "PT1H", "hana");

        Instant r2 = pacific(LocalDateTime.of(2026, 11, 18, 9, 0));
        long s2 = ticket("Silverline Media", "SILVER", r2, null);
        decided(s2, r2, standardSilver(r2), 1);
        line(s2, r2.plus(Duration.ofMinutes(30)), "admin", "POLICY_MIGRATED", "policy v1 -> v2");
        decided(s2, r2.plus(Duration.ofMinutes(30)), "NON_EMERGENCY (one user) -> SUPPORT_DESK for support-desk,"
                + " SILVER plan: PT16H on the BUSINESS_HOURS clock, due " + r2.plus(Duration.ofHours(16)), 2);
        stopped(s2, r2.plus(Duration.ofHours(2)), "met", "PT2H", "alice");

        Instant r3 = pacific(LocalDateTime.of(2026, 11, 19, 8, 0));
        long s3 = ticket("Silverline Media", "SILVER", r3, null);
        line(s3, r3.plus(Duration.ofHours(2)), "alice", "TRIAGED", "linked to Silverline Media (SILVER, hosting PARTNER)");
        decided(s3, r3.plus(Duration.ofHours(2)), standardSilver(r3), 1);
        stopped(s3, r3.plus(Duration.ofMinutes(150)), "met", "PT2H30M", "alice");

        Instant r4 = pacific(LocalDateTime.of(2026, 10, 30, 9, 0));
        long s4 = ticket("Silverline Media", "SILVER", r4, null);
        decided(s4, r4, standardSilver(r4), 1);
        rung(s4, 0, "50%", "NOTIFY_ASSIGNEE", r4.plus(Duration.ofMinutes(30)), "DONE");
        stopped(s4, r4.plus(Duration.ofHours(1)), "met", "PT1H", "alice");
        line(s4, r4.plus(Duration.ofHours(3)), "alice", "TASK_COMPLETED", "'Handle request'");
        Instant reopened = Instant.parse("2026-11-04T17:00:00Z");
        line(s4, reopened, "help@silverline.example", "REOPENED", "the customer wrote again at " + reopened
                + "; decided anew from then by policy v1");
        decided(s4, reopened, standardSilver(reopened), 1);
        stopped(s4, reopened.plus(Duration.ofHours(48)), "breached", "PT26H", "alice");

        Instant r5 = Instant.parse("2026-11-01T06:30:00Z");
        assertThat(r5.atZone(PACIFIC).toLocalDate()).hasToString("2026-10-31");
        long s5 = ticket("Silverline Media", "SILVER", r5, null);
        decided(s5, r5, standardSilver(r5), 1);
        stopped(s5, r5.plus(Duration.ofHours(1)), "met", "PT1H", "alice");

        for (Instant r : List.of(Instant.parse("2026-11-01T08:30:00Z"), Instant.parse("2026-11-01T09:30:00Z"))) {
            assertThat(r.atZone(PACIFIC).toLocalTime()).hasToString("01:30");
            long id = ticket("Silverline Media", "SILVER", r, null);
            decided(id, r, standardSilver(r), 1);
            stopped(id, r.plus(Duration.ofHours(1)), "met", "PT1H", "alice");
        }

        Instant r8 = pacific(LocalDateTime.of(2026, 11, 20, 9, 0));
        long s8 = ticket("Silverline Media", "SILVER", r8, null);
        decided(s8, r8, standardSilver(r8), 1);
        line(s8, r8.plus(Duration.ofMinutes(30)), "alice", "REPLY_QUEUED", "to help@silverline.example: We are on it");
        stopped(s8, r8.plus(Duration.ofHours(1)), "met", "PT1H", "alice");
        line(s8, r8.plus(Duration.ofHours(2)), "alice", "REPLY_QUEUED", "to help@silverline.example: Done");

        Instant r9 = pacific(LocalDateTime.of(2026, 10, 15, 9, 0));
        long s9 = ticket("Silverline Media", "SILVER", r9, null);
        decided(s9, r9, standardSilver(r9), 1);
        stopped(s9, r9.plus(Duration.ofHours(60)), "breached", "PT30H", "alice");
    }

    /**
     * Bronze: eleven tickets on 23 November, all met, resolved 1 to 11 days after receipt: median 6 d, p90 10 d.
     */
    private static void bronze() {
        for (int k = 0; k <= 10; k++) {
            Instant r = pacific(LocalDateTime.of(2026, 11, 23, 9 + k, 0));
            Instant resolved = r.plus(Duration.ofDays(k + 1));
            long id = ticket("Bluebird Studios", "BRONZE", r, resolved);
            decided(id, r, "NON_EMERGENCY (one user) -> SUPPORT_DESK for support-desk, BRONZE plan: PT48H on the"
                    + " BUSINESS_HOURS clock, due " + r.plus(Duration.ofDays(4)), 1);
            stopped(id, r.plus(Duration.ofHours(1)), "met", "PT1H", "alice");
            line(id, resolved, "alice", "TASK_COMPLETED", "'Handle request'");
        }
    }

    @Test
    void novemberByTierCountsEveryPromiseOnceAsItsHistoryRecordsIt() {
        JsonNode report = api.get("maria", "/api/reports/compliance?period=month&date=2026-11-15&by=tier").body();

        assertThat(report.get("zone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(report.get("period").get("from").asText()).isEqualTo("2026-11-01");
        assertThat(report.get("period").get("to").asText()).isEqualTo("2026-11-30");
        assertThat(report.get("previousPeriod").get("from").asText()).isEqualTo("2026-10-01");
        JsonNode total = report.get("total");
        assertThat(counts(total)).isEqualTo("38 32 5 1 86.5");
        assertThat(counts(report.get("previousTotal"))).as("October: the reopened one's first, 31 Oct, the breached")
                .isEqualTo("3 2 1 0 66.7");

        JsonNode gold = row(report, "GOLD");
        assertThat(counts(gold)).isEqualTo("10 8 2 0 80.0");
        assertThat(times(gold, "assignOnClock")).isEqualTo("PT5H30M PT9H6M");
        assertThat(times(gold, "assign")).isEqualTo("PT11H PT18H12M");
        assertThat(gold.get("figures").get("firstResponseMedian").isNull()).isTrue();

        JsonNode platinumRow = row(report, "PLATINUM");
        assertThat(counts(platinumRow)).isEqualTo("10 7 2 1 77.8");
        assertThat(times(platinumRow, "assignOnClock")).isEqualTo("PT17M PT27M30S");
        assertThat(times(platinumRow, "assign")).isEqualTo("PT17M PT55M30S");
        assertThat(platinumRow.get("figures").get("paused").asText()).isEqualTo("PT1H");
        assertThat(platinumRow.get("figures").get("pausedTickets").asInt()).isEqualTo(2);

        JsonNode silver = row(report, "SILVER");
        assertThat(counts(silver)).isEqualTo("7 6 1 0 85.7");
        assertThat(times(silver, "firstResponse")).isEqualTo("PT30M PT30M");
        assertThat(silver.get("previous").get("tickets").asInt()).isEqualTo(3);

        JsonNode bronze = row(report, "BRONZE");
        assertThat(counts(bronze)).isEqualTo("11 11 0 0 100.0");
        assertThat(times(bronze, "resolve")).isEqualTo("PT144H PT240H");
    }

    @Test
    void theFinalDecisionCountsAndATriagedTicketCountsFromReceipt() {
        JsonNode byCategory = api.get("maria", "/api/reports/compliance?month=2026-11&tier=SILVER&by=category").body();
        assertThat(keysAndTickets(byCategory, "category")).isEqualTo(Map.of("EMERGENCY", 1, "NON_EMERGENCY", 6));

        JsonNode byVersion = api.get("andy", "/api/reports/compliance?month=2026-11&tier=SILVER&by=version").body();
        assertThat(keysAndTickets(byVersion, "version")).isEqualTo(Map.of("1", 6, "2", 1));

        JsonNode triaged = api.get("maria", "/api/reports/compliance?day=2026-11-19&tier=SILVER").body();
        assertThat(times(triaged.get("total"), "assign")).as("from receipt, not from the triage")
                .isEqualTo("PT2H30M PT2H30M");
    }

    @Test
    void theDayTheClocksGoBackHasTwentyFiveHoursAndBothHalfPastOnes() {
        JsonNode day = api.get("maria", "/api/reports/compliance?period=day&date=2026-11-01").body();
        assertThat(counts(day.get("total"))).isEqualTo("2 2 0 0 100.0");
        JsonNode before = api.get("maria", "/api/reports/compliance?period=day&date=2026-10-31").body();
        assertThat(counts(before.get("total"))).as("23:30 PDT on 31 October").isEqualTo("1 1 0 0 100.0");
    }

    @Test
    void eachCountListsTheTicketsBehindIt() {
        JsonNode breached = api.get("maria", "/api/reports/compliance/tickets?month=2026-11&tier=PLATINUM"
                + "&standing=breached").body();
        assertThat(breached.findValuesAsText("key")).containsExactly(platinum.get(6), platinum.get(9));
        JsonNode running = api.get("maria", "/api/reports/compliance/tickets?month=2026-11&tier=PLATINUM"
                + "&standing=running").body();
        assertThat(running.findValuesAsText("key")).containsExactly(platinum.get(8));
        assertThat(api.get("maria", "/api/reports/compliance/tickets?month=2026-11&standing=late").status())
                .isEqualTo(400);
    }

    @Test
    void theCsvHasARowPerWeekAndTier() {
        Api.Response csv = api.get("andy", "/api/reports/compliance.csv?from=2026-11-01&to=2026-11-30&by=week,tier");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).startsWith("\"week\",\"tier\",\"Tickets\",\"Met\",\"Breached\",\"Running\",\"% met\"");
        assertThat(lines).contains("\"2026-10-26\",\"SILVER\",\"2\",\"2\",\"0\",\"0\",\"100.0\",\"60.0\",\"60.0\","
                + "\"60.0\",\"60.0\",\"\",\"\",\"\",\"\",\"0.0\",\"0\"");
        assertThat(lines).anyMatch(line -> line.startsWith("\"2026-11-16\",\"PLATINUM\",\"10\",\"7\",\"2\",\"1\",\"77.8\","
                + "\"17.0\",\"27.5\",\"17.0\",\"55.5\""));
        assertThat(api.get("andy", "/api/reports/compliance.csv?by=week,month").status()).isEqualTo(400);
        assertThat(api.get("alice", "/api/reports/compliance").status()).isEqualTo(403);
        assertThat(api.post("maria", "/api/reports/promises/rebuild", "").status()).isEqualTo(403);
    }

    @Test
    void aLiveTicketsPromiseEqualsTheOneRebuiltFromItsHistory() {
        Instant received = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"cto@platina.example\",\"subject\":"
                + "\"Site is down\",\"body\":\"Our whole site is down.\",\"receivedAt\":\"" + received + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.body().get("key").asText();
        assertThat(api.post("hana", "/api/tickets/" + key + "/replies", "{\"body\":\"Looking now.\"}").status())
                .isEqualTo(201);
        long task = 0;
        for (JsonNode t : api.get("hana", "/api/tasks?group=hosting-liaison").body()) {
            if (key.equals(t.get("ticketKey").asText())) {
                task = t.get("id").asLong();
            }
        }
        assertThat(api.post("hana", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        Map<String, Object> live = promiseOf(key);
        assertThat(live.get("outcome")).isEqualTo("MET");
        assertThat(live.get("assignee")).isEqualTo("hana");
        long ran = ((Number) live.get("assign_clock_seconds")).longValue();
        long wall = Duration.between(received, ((java.sql.Timestamp) live.get("stopped_at")).toInstant()).toSeconds();
        assertThat(ran).as("24x7: the clock's time is the wall time").isBetween(wall - 1, wall);
        assertThat(live.get("first_response_at")).isNotNull();

        api.post("admin", "/api/reports/promises/rebuild", "");
        assertThat(promiseOf(key)).isEqualTo(live);
    }

    @Test
    void escalationsCountEachRungReachedOnceAndOnlyOnThePromisesOwnClock() {
        JsonNode rungs = api.get("maria", "/api/reports/escalations?month=2026-11&by=tier,group").body();

        List<String> reached = new ArrayList<>();
        rungs.forEach(r -> reached.add(r.get("key").get("tier").asText() + " " + r.get("key").get("group").asText()
                + " " + r.get("figures").get("moment").asText() + " " + r.get("figures").get("action").asText() + " "
                + r.get("figures").get("tickets").asInt()));
        assertThat(reached).as("a skipped rung does not count; the October promise's rung is October's")
                .containsExactly("PLATINUM hosting-liaison 50% NOTIFY_ASSIGNEE 3",
                        "PLATINUM hosting-liaison 80% NOTIFY_GROUP 2", "PLATINUM hosting-liaison 100% BREACH 2");
        JsonNode october = api.get("maria", "/api/reports/escalations?month=2026-10").body();
        assertThat(october.get(0).get("figures").get("tickets").asInt()).isEqualTo(1);
    }

    /**
     * The ten Platinum emergencies and the Silver one corrected to an emergency went to the hosting partner. It
     * answered three Platinum ones after 20, 40 (after the 30 min due) and 25 min: median 25, p90 25 + 0.8 × 15 = 37.
     */
    @Test
    void thePartnersAnswersAreTimedAgainstTheClientsDueInstant() {
        JsonNode partner = api.get("maria", "/api/reports/partner?month=2026-11&by=tier").body();

        assertThat(partner).hasSize(2);
        JsonNode platinumRow = partner.get(0);
        assertThat(platinumRow.get("key").get("tier").asText()).isEqualTo("PLATINUM");
        JsonNode f = platinumRow.get("figures");
        assertThat(f.get("forwarded").asInt() + " " + f.get("answered").asInt() + " " + f.get("answeredLate").asInt()
                + " " + f.get("unansweredPastDue").asInt()).isEqualTo("10 3 1 7");
        assertThat(f.get("answerMedian").asText() + " " + f.get("answerP90").asText()).isEqualTo("PT25M PT37M");
        assertThat(partner.get(1).get("figures").get("unansweredPastDue").asInt()).as("the corrected Silver one")
                .isEqualTo(1);
        assertThat(api.get("andy", "/api/reports/partner.csv?month=2026-11&by=tier").text().split("\r\n")[1])
                .isEqualTo("\"PLATINUM\",\"10\",\"3\",\"1\",\"7\",\"25.0\",\"37.0\"");
    }

    @Test
    void thePageShowsTheTableItsChartsAndTheTicketsBehindACount() {
        try (Browser browser = new Browser(DemoServer.port(server))) {
            browser.signIn("maria");
            browser.open("/reports?period=month&date=2026-11-15&by=tier");
            WebDriver page = browser.driver();
            assertThat(page.findElement(By.id("compliance-percent")).getText()).isEqualTo("86.5");
            assertThat(page.findElement(By.id("compliance-percent-before")).getText()).isEqualTo("66.7");
            List<String> rows = page.findElements(By.cssSelector("#compliance-table tbody tr")).stream()
                    .map(row -> row.getText()).toList();
            assertThat(rows).anyMatch(row -> row.startsWith("PLATINUM 10 7 2 1 77.8 – 17 min 17 min"));
            JavascriptExecutor js = (JavascriptExecutor) page;
            Object platinumWeekly = js.executeScript("var c = Chart.getChart(document.getElementById('weekly-chart'));"
                    + " return [c.config.type, c.data.labels[9], c.data.datasets[3].label, c.data.datasets[3].data[9]];");
            assertThat(platinumWeekly).as("the line chart drawn from its table")
                    .isEqualTo(List.of("line", "2026-11-16", "PLATINUM", 77.8));
            Object groups = js.executeScript("var c = Chart.getChart(document.getElementById('groups-chart'));"
                    + " return [c.data.labels, c.data.datasets[0].data, c.data.datasets[1].data,"
                    + " c.options.scales.x.stacked];");
            assertThat(groups).as("met and breached per group, stacked")
                    .isEqualTo(List.of(List.of("hosting-liaison", "support-desk"), List.of(8L, 24L), List.of(2L, 3L), true));
            assertThat(page.findElement(By.cssSelector("#escalations-table tbody")).getText())
                    .contains("PLATINUM hosting-liaison 100% breach 2");
            browser.screenshot("reports-compliance");

            WebElement breached = page.findElements(By.cssSelector("#compliance-table tbody tr")).stream()
                    .filter(row -> row.getText().startsWith("PLATINUM")).findFirst().orElseThrow()
                    .findElements(By.tagName("a")).get(2);
            browser.clickAndWait(breached);
            assertThat(page.findElement(By.id("count")).getText()).isEqualTo("2");
            assertThat(page.findElements(By.cssSelector("#promised-tickets tbody tr a")).stream()
                    .map(WebElement::getText).toList()).containsExactly(platinum.get(6), platinum.get(9));
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();

            long platina = jdbc.queryForObject("select id from client where name = 'Platina Streams'", Long.class);
            browser.open("/clients/" + platina + "/statements/2026-11");
            assertThat(page.findElement(By.id("service-levels")).getText()).isEqualTo("10 requests with a turnaround"
                    + " promise: 7 met, 2 breached, 1 still running. Median time until a person took the request: 0:17"
                    + " (hours:minutes, on the plan's clock).");
        }
    }

    /**
     * The week of 16 November: the ten Platinum ones and four Silver ones (17 to 20 November), 11 met of 13 met or
     * breached: 84.6 %. The week before: three Gold ones, one met: 33.3 %.
     */
    @Test
    void theWeeklySummaryGoesToEachManagerOnceThroughTheOutbox() {
        WeeklySummary summary = server.getBean(WeeklySummary.class);

        assertThat(summary.queue(java.time.LocalDate.of(2026, 11, 16))).isEqualTo(1);
        assertThat(summary.queue(java.time.LocalDate.of(2026, 11, 16))).as("once per week and manager").isZero();
        Map<String, Object> mail = jdbc.queryForMap("select kind, ticket_id, recipient, subject, body from outbound_mail"
                + " where idempotency_key = 'weekly-summary-2026-11-16-maria'");
        assertThat(mail.get("kind")).isEqualTo("REPORT");
        assertThat(mail.get("ticket_id")).isNull();
        assertThat(mail.get("subject")).isEqualTo("Service levels, week of Mon 16 Nov 2026");
        assertThat((String) mail.get("body")).contains("Promises made: 14 (the week before: 3)")
                .contains("Met 11, breached 2, still running 1")
                .contains("Met in time: 84.6 % (the week before: 33.3 %; +51.3 points)")
                .contains("  PLATINUM: 77.8 % of 9\n")
                .contains("/reports?period=week&date=2026-11-16");
    }

    private static void rung(long id, int rung, String moment, String action, Instant at, String outcome) {
        jdbc.update("insert into sla_escalation (ticket_id, process_instance_id, rung, moment, action, target_group,"
                        + " due_at, fired_at, outcome, detail) values (?, ?, ?, ?, ?, 'on-call', ?, ?, ?, 'fixture')", id,
                100_000 + id, rung, moment, action, OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), outcome);
    }

    private static Map<String, Object> promiseOf(String key) {
        return jdbc.queryForMap("select * from ticket_promise where ticket_id = ?", Long.parseLong(key.substring(4)));
    }

    private static String standardSilver(Instant from) {
        return "NON_EMERGENCY (one user) -> SUPPORT_DESK for support-desk, SILVER plan: PT24H on the BUSINESS_HOURS"
                + " clock, due " + from.plus(Duration.ofDays(2));
    }

    private static long ticket(String client, String tier, Instant received, Instant resolved) {
        Long clientId = jdbc.queryForObject("select id from client where name = ?", Long.class, client);
        OffsetDateTime at = OffsetDateTime.ofInstant(received, ZoneOffset.UTC);
        jdbc.update("insert into ticket (client_id, sender, subject, body, channel, tier, received_at, status,"
                        + " policy_version, process_instance_id, resolved_at, created_at, updated_at)"
                        + " values (?, 'someone@example.com', 'A request', 'As the subject says.', 'EMAIL', ?, ?, ?, 1,"
                        + " null, ?, ?, ?)", clientId, tier, at, resolved == null ? "ASSIGNED" : "RESOLVED",
                resolved == null ? null : OffsetDateTime.ofInstant(resolved, ZoneOffset.UTC), at, at);
        long id = jdbc.queryForObject("select max(id) from ticket", Long.class);
        line(id, received, "mail", "RECEIVED", "via EMAIL from someone@example.com");
        return id;
    }

    private static void decided(long id, Instant at, String detail, int version) {
        line(id, at, "policy v" + version, "DECIDED", detail);
    }

    private static void stopped(long id, Instant at, String outcome, String ran, String assignee) {
        line(id, at, assignee, "TASK_ASSIGNED", "'Handle request' to " + assignee);
        line(id, at, assignee, "SLA_STOPPED", "assigned to " + assignee + " at " + at + ", due 2026-01-01T00:00:00Z: "
                + outcome + "; ran " + ran + " on its BUSINESS_HOURS clock");
    }

    private static void line(long id, Instant at, String actor, String event, String detail) {
        jdbc.update("insert into ticket_history (ticket_id, at, actor, event, detail) values (?, ?, ?, ?, ?)", id,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, event, detail);
    }

    private static Instant pacific(LocalDateTime local) {
        return local.atZone(PACIFIC).toInstant();
    }

    private static String key(long id) {
        return String.format("TCK-%06d", id);
    }

    private static JsonNode row(JsonNode report, String tier) {
        for (JsonNode row : report.get("rows")) {
            if (tier.equals(row.get("key").get("tier").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + tier + " in " + report);
    }

    /** Tickets, met, breached, running and % met of a row (or a total). */
    private static String counts(JsonNode node) {
        JsonNode f = node.has("figures") ? node.get("figures") : node;
        return f.get("tickets").asInt() + " " + f.get("met").asInt() + " " + f.get("breached").asInt() + " "
                + f.get("running").asInt() + " " + f.get("percentMet").asText();
    }

    /** A time's median and p90 in a row (or a total). */
    private static String times(JsonNode node, String name) {
        JsonNode f = node.has("figures") ? node.get("figures") : node;
        return f.get(name + "Median").asText() + " " + f.get(name + "P90").asText();
    }

    private static Map<String, Integer> keysAndTickets(JsonNode report, String dimension) {
        Map<String, Integer> tickets = new java.util.TreeMap<>();
        report.get("rows").forEach(row -> tickets.put(row.get("key").get(dimension).asText(),
                row.get("figures").get("tickets").asInt()));
        return tickets;
    }
}
