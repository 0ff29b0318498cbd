package io.turnaround.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One of the backlog's tables as CSV (RFC 4180, every field quoted). A group name a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe.
 */
final class BacklogCsv {

    enum Table { AGE, TIME_LEFT, GROUP }

    private BacklogCsv() {
    }

    static String write(Backlog backlog, Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).build())) {
            switch (table) {
                case AGE -> counts(csv, "Age", backlog.byAge());
                case TIME_LEFT -> counts(csv, "Time left to due", backlog.byTimeLeft());
                case GROUP -> {
                    csv.printRecord("Group", "Open tickets", "Overdue");
                    for (Backlog.GroupCount group : backlog.byGroup()) {
                        csv.printRecord(text(group.group()), group.open(), group.overdue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void counts(CSVPrinter csv, String what, List<Backlog.Count> counts) throws IOException {
        csv.printRecord(what, "Open tickets");
        for (Backlog.Count count : counts) {
            csv.printRecord(count.bucket(), count.count());
        }
    }

    private static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
