package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import io.turnaround.sla.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import static io.turnaround.policy.PolicyFixtures.factsWithCategory;
import static io.turnaround.policy.PolicyFixtures.shippedBundle;
import static io.turnaround.policy.PolicyFixtures.shippedCalendars;
import static io.turnaround.policy.PolicyFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named calendars as part of the policy: files in the bundle, checked when it compiles, chosen by the rules. */
class PolicyCalendarsTest {

    private static final String PACIFIC = "rules/calendars/pacific-office.calendar";

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static PolicyBundle shippedWith(Map<String, String> changes) {
        Map<String, String> files = new TreeMap<>(shippedBundle().files());
        files.putAll(changes);
        return PolicyBundle.of(files);
    }

    private static String fixture(String name) {
        try (InputStream in = PolicyCalendarsTest.class.getResourceAsStream("/calendars/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theShippedPolicyHasThePacificOfficeCalendarWithNoHolidays() {
        BusinessCalendar pacific = shippedCalendars().get("pacific-office");

        assertThat(shippedBundle().files()).containsKey(PACIFIC);
        assertThat(pacific.zone().getId()).isEqualTo("America/Los_Angeles");
        assertThat(pacific.holidays()).isEmpty();
        assertThat(pacific.isOpenAt(at("2026-11-18T08:00:00-08:00"))).isTrue();
        assertThat(pacific.isOpenAt(at("2026-11-18T18:00:00-08:00"))).isFalse();
    }

    @Test
    void aBadCalendarFileStopsTheCompilationWithItsFileAndLine() {
        PolicyBundle bundle = shippedWith(Map.of(PACIFIC, "zone = America/Los_Angeles\n\nhours = MON-FRI 08:00-18:00\nholidays = 25/12/2026\n"));

        assertThatThrownBy(() -> PolicyCompiler.compile(bundle, "0.0.3-bad-calendar"))
                .isInstanceOfSatisfying(PolicyCompilationException.class, e -> assertThat(e.problems())
                        .containsExactly(new PolicyProblem(PACIFIC, 4, "'25/12/2026' is not a date like 2026-12-25")))
                .hasMessageContaining(PACIFIC + ":4: '25/12/2026' is not a date");
    }

    @Test
    void aRuleAskingForACalendarThatIsNotThereStopsTheCompilationAtItsLine() {
        String drl = shippedBundle().files().get("rules/calendars.drl");
        int line = (int) drl.lines().takeWhile(l -> !l.contains("setCalendar($d.calendar(\"pacific-office\")")).count() + 1;
        PolicyBundle bundle = shippedWith(Map.of("rules/calendars.drl", drl.replace("\"pacific-office\"", "\"pacific\"")));

        assertThatThrownBy(() -> PolicyCompiler.compile(bundle, "0.0.3-unknown-calendar"))
                .isInstanceOfSatisfying(PolicyCompilationException.class, e -> assertThat(e.problems())
                        .containsExactly(new PolicyProblem("rules/calendars.drl", line,
                                "no calendar named 'pacific'; the calendars are pacific-office")));
    }

    @Test
    void aDecisionAskedForAnUnknownCalendarNamesTheOnesThereAre() {
        Decision decision = new Decision(shippedCalendars());

        assertThat(decision.calendar("pacific-office")).isSameAs(shippedCalendars().get("pacific-office"));
        assertThatThrownBy(() -> decision.calendar("head-office"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no calendar named 'head-office'; this policy has: pacific-office");
    }

    @Test
    void aStoredDecisionKeepsOnlyTheCalendarItChose() throws Exception {
        Decision decided = shippedRules().decide(factsWithCategory(Tier.GOLD, Hosting.PARTNER, Category.NON_EMERGENCY,
                at("2026-11-18T10:00:00-08:00")));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(decided);
        }
        Decision stored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            stored = (Decision) in.readObject();
        }

        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain("NamedCalendars");
        assertThat(stored.getCalendar().isOpenAt(at("2026-11-18T10:00:00-08:00"))).isTrue();
        assertThat(stored.getSlaDueAt()).isEqualTo(decided.getSlaDueAt());
        assertThatThrownBy(() -> stored.calendar("pacific-office")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHolidayFileNamedByTheCalendarMovesTheDueInstant() {
        PolicyBundle bundle = shippedWith(Map.of(
                "rules/calendars/us-holidays.ics", fixture("us-holidays.ics"),
                PACIFIC, "zone = America/Los_Angeles\nhours = MON-FRI 08:00-18:00\nholiday-files = us-holidays.ics\n"));
        PolicyRules rules = PolicyRules.load(PolicyCompiler.compile(bundle, "0.0.3-holidays"), bundle.calendars());

        Decision decision = rules.decide(factsWithCategory(Tier.GOLD, Hosting.PARTNER, Category.NON_EMERGENCY,
                at("2026-12-24T17:00:00-08:00")));

        // 12 business hours: 1 on Thursday the 24th; Christmas and the shutdown (28th-30th) skipped; 10 on the 31st; 1 in 2027.
        assertThat(decision.getSlaDueAt()).isEqualTo(at("2027-01-01T09:00:00-08:00"));
    }

    @Test
    void theBundleFolderCarriesCalendarFilesAndTheirContentChangesItsHash(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("rules/calendars"));
        Files.createDirectories(root.resolve("processes"));
        Files.writeString(root.resolve("rules/README.md"), "# not policy");
        Files.writeString(root.resolve("rules/a.drl"), "package x");
        Files.writeString(root.resolve("rules/calendars/office.calendar"), "zone = UTC\nhours = MON 08:00-18:00\n");
        Files.writeString(root.resolve("rules/calendars/h.ics"), fixture("us-holidays.ics"));
        PolicyBundle before = PolicyBundle.fromDirectory(root);

        Files.writeString(root.resolve("rules/calendars/office.calendar"), "zone = UTC\nhours = MON 09:00-18:00\n");
        PolicyBundle after = PolicyBundle.fromDirectory(root);

        assertThat(before.files()).containsOnlyKeys("rules/a.drl", "rules/calendars/office.calendar", "rules/calendars/h.ics");
        assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
    }
}
