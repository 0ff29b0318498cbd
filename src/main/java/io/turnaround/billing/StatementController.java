package io.turnaround.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.client.Client;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;

/**
 * A client's hours bank and monthly statements over HTTP (managers and admins: it is the client's money). Months are
 * calendar months in the client's time zone, written {@code 2026-11}.
 */
@RestController
@RequestMapping("/api/clients/{id}")
@Tag(name = "Hours and statements")
class StatementController {

    static final MediaType CSV = MediaType.valueOf("text/csv;charset=UTF-8");

    private final Statements statements;

    StatementController(Statements statements) {
        this.statements = statements;
    }

    /** The month's included hours, what was used and billed, and each entry as charged; default: the current month. */
    @Operation(summary = "A client's hours for a month",
            description = "Included hours, what was used and billed, and each entry as charged; default: the client's "
                    + "current month.")
    @GetMapping("/hours")
    HoursJson.Month hours(@PathVariable long id, @RequestParam(required = false) YearMonth month) {
        Client client = statements.client(id);
        return HoursJson.Month.of(client, statements.hours(client, month == null ? statements.currentMonth(client) : month));
    }

    /** Month by month totals; default: the twelve months up to the current one. */
    @Operation(summary = "A client's hours month by month",
            description = "Default: the twelve months up to the client's current one.")
    @GetMapping("/hours/history")
    HoursJson.History history(@PathVariable long id, @RequestParam(required = false) YearMonth from,
                              @RequestParam(required = false) YearMonth to) {
        Client client = statements.client(id);
        YearMonth last = to == null ? statements.currentMonth(client) : to;
        YearMonth first = from == null ? Statements.checked("to", last).minusMonths(11) : from;
        return HoursJson.History.of(client, first, last, statements.history(client, first, last));
    }

    @Operation(summary = "A client's monthly statement")
    @GetMapping("/statements/{month}")
    MonthlyStatement statement(@PathVariable long id, @PathVariable YearMonth month) {
        Client client = statements.client(id);
        return statements.statement(client, month);
    }

    @Operation(summary = "A client's monthly statement as CSV")
    @GetMapping("/statements/{month}.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, @PathVariable YearMonth month) {
        MonthlyStatement statement = statements.statement(statements.client(id), month);
        return download(statement, "csv", CSV, StatementCsv.write(statement));
    }

    @Operation(summary = "A client's monthly statement as PDF")
    @GetMapping("/statements/{month}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable YearMonth month) {
        Client client = statements.client(id);
        MonthlyStatement statement = statements.statement(client, month);
        return download(statement, "pdf", MediaType.APPLICATION_PDF,
                StatementPdf.write(statement, statements.serviceLevels(client, month)));
    }

    /** The file name carries ids and the month only: a client's name is its own text. */
    static ResponseEntity<byte[]> download(MonthlyStatement s, String extension, MediaType type, byte[] body) {
        String filename = "statement-client-" + s.clientId() + "-" + s.month() + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
