package io.turnaround.billing;

import io.turnaround.staff.Staff;
import io.turnaround.client.Client;
import io.turnaround.client.ClientNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.time.YearMonth;

/**
 * Managers' pages of the clients' monthly statements, with the CSV and PDF behind the page's own sign-in
 * (the API's downloads take HTTP basic or a token, which a browser session does not send).
 */
@Controller
class StatementPage {

    private final Statements statements;

    StatementPage(Statements statements) {
        this.statements = statements;
    }

    @GetMapping("/clients/{id}/statements")
    String current(@PathVariable long id) {
        Client client = statements.client(id);
        return "redirect:/clients/" + client.id() + "/statements/" + statements.currentMonth(client);
    }

    @GetMapping("/clients/{id}/statements/{month}")
    String show(@PathVariable long id, @PathVariable YearMonth month, Authentication user, Model model) {
        Client client = statements.client(id);
        MonthlyStatement statement = statements.statement(client, month);
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("s", statement);
        model.addAttribute("f", new HoursFormat(client.timeZone()));
        model.addAttribute("licensing", StatementText.licensing(statement));
        model.addAttribute("includedHours", StatementText.includedHours(statement));
        model.addAttribute("previous", month.minusMonths(1).isBefore(Statements.FIRST) ? null : month.minusMonths(1));
        model.addAttribute("next", month.plusMonths(1).isAfter(Statements.LAST) ? null : month.plusMonths(1));
        model.addAttribute("current", statements.currentMonth(client));
        model.addAttribute("levels", statements.serviceLevels(client, month));
        return "statement";
    }

    @GetMapping("/clients/{id}/statements/{month}.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, @PathVariable YearMonth month) {
        MonthlyStatement s = statements.statement(statements.client(id), month);
        return StatementController.download(s, "csv", StatementController.CSV, StatementCsv.write(s));
    }

    @GetMapping("/clients/{id}/statements/{month}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable YearMonth month) {
        Client client = statements.client(id);
        MonthlyStatement s = statements.statement(client, month);
        return StatementController.download(s, "pdf", MediaType.APPLICATION_PDF,
                StatementPdf.write(s, statements.serviceLevels(client, month)));
    }

    @ExceptionHandler(ClientNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(ClientNotFoundException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "not-found";
    }

    @ExceptionHandler({InvalidHoursRequestException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String noSuchMonth(Exception e, Model model) {
        model.addAttribute("reason", "There is no such month: write it like 2026-11.");
        return "not-found";
    }
}
