package io.turnaround.billing;

import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.turnaround.billing.BillingFixtures.client;
import static io.turnaround.billing.BillingFixtures.statement;
import static io.turnaround.billing.BillingFixtures.worked;
import static org.assertj.core.api.Assertions.assertThat;

/** The CSV and PDF forms of a statement, read back: the lines and totals, and people's text kept harmless. */
class StatementDocumentsTest {

    private static final String NASTY_NOTE = "=HYPERLINK(\"http://evil.example\",\"click\")";

    @Test
    void theCsvHasALinePerPartOfTheStatementAndAnotherPerEntry() {
        List<List<String>> rows = parse(StatementCsv.write(
                statement(client(Tier.SILVER, new BigDecimal("400")), worked("DEVELOPMENT PT4H, DEVELOPMENT PT3H"))));

        assertThat(rows.get(0)).containsExactly(StatementCsv.HEADER);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(StatementCsv.HEADER.length));
        assertThat(row(rows, "Subscription").get(10)).isEqualTo("2500.00");
        assertThat(row(rows, "Licensing").get(10)).isEqualTo("400.00");
        assertThat(row(rows, "Included hours").get(3)).isEqualTo("Included hours used: 5:00 of 5:00 (0:00 left)");
        assertThat(row(rows, "Hours")).containsExactly("Hours", "", "DEVELOPMENT",
                "Development: worked 7:00, included 5:00, billed 2:00 at $100.00/h", "", "", "7.00", "5.00", "2.00",
                "100.00", "200.00");
        assertThat(row(rows, "Total").get(10)).isEqualTo("3100.00");
        assertThat(rows.stream().filter(r -> r.get(0).equals("Entry")).toList()).extracting(r -> r.get(1) + " " + r.get(10))
                .containsExactly("2026-11-02 10:00 0.00", "2026-11-02 11:00 200.00");
        assertThat(rows.stream().filter(r -> r.get(0).equals("Entry")).map(r -> r.get(4)).toList())
                .containsOnly("TCK-000042");
    }

    @Test
    void peoplesTextIsQuotedAndNeverAFormula() {
        TimeEntry nasty = new TimeEntry(1, 7, null, null, null, WorkKind.CUSTOM_WORK, Duration.ofMinutes(20),
                Instant.parse("2026-11-03T15:00:00Z"), NASTY_NOTE + "\nsecond \"line\"", "+dave", Instant.now());
        byte[] csv = StatementCsv.write(statement(client(Tier.BRONZE, null, "-Acme, \"the\" Studio"), List.of(nasty)));
        List<List<String>> rows = parse(csv);

        List<String> entry = row(rows, "Entry");
        assertThat(entry.get(3)).isEqualTo("'" + NASTY_NOTE + "\nsecond \"line\"");
        assertThat(entry.get(5)).isEqualTo("'+dave");
        assertThat(entry.get(6)).isEqualTo("0.33");
        assertThat(entry.get(10)).isEqualTo("33.33");
        assertThat(row(rows, "Statement").get(3)).startsWith("'-Acme, \"the\" Studio, BRONZE plan, November 2026");
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(\"\"http://evil.example\"\"");
        assertThat(row(rows, "Licensing").get(10)).isEqualTo("0.00");
    }

    @Test
    void thePdfShowsTheLinesTheTotalAndTheEntries() throws IOException {
        byte[] pdf = StatementPdf.write(statement(client(Tier.SILVER, new BigDecimal("400.00"), "Silverline <Media> & Co"),
                worked("DEVELOPMENT PT7H")), new ServiceLevels(12, 10, 1, 1, Duration.ofMinutes(95)));

        String text = text(pdf);
        assertThat(text).contains("Statement, November 2026").contains("Silverline <Media> & Co")
                .contains("SILVER plan, monthly price $2,500.00").contains("Licensing fee $400.00")
                .contains("Included hours used: 5:00 of 5:00").contains("$200.00").contains("Total $3,100.00")
                .contains("TCK-000042").contains("note 1 (dave)").contains("Service levels this month")
                .contains("12 requests with a turnaround promise: 10 met, 1 breached, 1 still running. Median time until"
                        + " a person took the request: 1:35");
    }

    @Test
    void aPdfWithoutAnAgreedFeeSaysSoAndItsTotalLeavesItOut() throws IOException {
        String text = text(StatementPdf.write(statement(client(Tier.GOLD, null, "Goldcrest Live"), List.of()),
                new ServiceLevels(0, 0, 0, 0, null)));

        assertThat(text).contains("not agreed").contains("Warning: No licensing fee is agreed for Goldcrest Live")
                .contains("Total $3,500.00").contains("No time logged this month.");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<String> row(List<List<String>> rows, String section) {
        return rows.stream().filter(r -> r.get(0).equals(section)).findFirst().orElseThrow();
    }

    /** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF between records. */
    static List<List<String>> parse(byte[] csv) {
        String s = new String(csv, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && s.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                throw new IllegalStateException("unquoted character at " + i);
            }
        }
        return rows;
    }
}
