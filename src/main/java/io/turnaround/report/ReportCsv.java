package io.turnaround.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's table as CSV (RFC 4180, every field quoted): text a spreadsheet would run as a formula (starting with
 * = + - @, tab or CR) gets a leading apostrophe, a time is in minutes with one decimal, nothing is an empty field.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).build())) {
            csv.printRecord(header);
            for (List<Object> row : rows) {
                List<Object> fields = new ArrayList<>();
                for (Object value : row) {
                    fields.add(field(value));
                }
                csv.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Duration d) {
            return BigDecimal.valueOf(d.toSeconds()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
        }
        if (value instanceof String text) {
            return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }
        return value;
    }
}
