package io.turnaround.billing;

import io.turnaround.ticket.TicketKey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement as CSV (RFC 4180): one table, a row per line of the statement, then a row per entry. Every field is
 * quoted; text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe.
 */
final class StatementCsv {

    static final String[] HEADER = {"Section", "Date", "Kind", "Description", "Ticket", "Logged by", "Hours",
            "Included hours", "Billable hours", "Rate (USD/h)", "Amount (USD)"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private StatementCsv() {
    }

    static byte[] write(MonthlyStatement s) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(row("Statement", "", "", text(s.clientName() + ", " + s.tier() + " plan, " + StatementText.monthName(s.month())
                + " (" + s.zone() + ")"), "", "", "", "", "", "", ""));
        rows.add(row("Subscription", "", "", text(s.tier() + " plan, monthly price"), "", "", "", "", "", "",
                money(s.subscription())));
        rows.add(row("Licensing", "", "", text(StatementText.licensing(s)), "", "", "", "", "", "",
                s.licensingFee() == null ? (s.licensing() == MonthlyStatement.Licensing.INCLUDED ? "0.00" : "")
                        : money(s.licensingFee())));
        rows.add(row("Included hours", "", "", text(StatementText.includedHours(s)), "", "", hours(s.includedUsed()),
                hours(s.includedUsed()), "", "", ""));
        for (MonthlyStatement.KindLine line : s.hours()) {
            rows.add(row("Hours", "", line.kind().name(), text(StatementText.kindLine(line)), "", "", hours(line.worked()),
                    hours(line.included()), hours(line.billable()), money(line.rate()), money(line.amount())));
        }
        rows.add(row("Total", "", "", "", "", "", "", "", "", "", money(s.total())));
        for (String warning : s.warnings()) {
            rows.add(row("Warning", "", "", text(warning), "", "", "", "", "", "", ""));
        }
        for (PricedEntry p : s.entries()) {
            TimeEntry e = p.entry();
            rows.add(row("Entry", LOCAL.format(e.workedAt().atZone(s.zone())), e.kind().name(),
                    text(e.note() == null ? "" : e.note()), e.ticketId() == null ? "" : TicketKey.of(e.ticketId()),
                    text(e.loggedBy()), hours(e.work()), hours(p.included()), hours(p.billable()),
                    money(p.rate()), money(p.amount())));
        }
        StringBuilder csv = new StringBuilder();
        for (String[] row : rows) {
            csv.append(String.join(",", Arrays.stream(row).map(StatementCsv::quoted).toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String[] row(String... fields) {
        return fields;
    }

    /** Text a person wrote (or that contains it): never a formula when a spreadsheet opens the file. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    /** Decimal hours to the hundredth, as spreadsheets add them up: 1:20 is 1.33. */
    static String hours(Duration d) {
        return BigDecimal.valueOf(d.toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String money(BigDecimal amount) {
        return MonthlyStatement.cents(amount).toPlainString();
    }
}
