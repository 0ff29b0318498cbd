package io.turnaround.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.ticket.TicketBacklog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.Locale;

/**
 * The backlog now, as JSON and as CSV (one table at a time: {@code by=age}, {@code time-left} or {@code group}).
 * Programs call {@code /api/reports/...}; the reports page links the same handlers beside itself, with its session.
 */
@RestController
@Tag(name = "Reports")
class BacklogReport {

    static final MediaType CSV = MediaType.valueOf("text/csv;charset=UTF-8");

    private final TicketBacklog tickets;
    private final Clock clock;

    BacklogReport(TicketBacklog tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    Backlog now() {
        return Backlog.of(tickets.open(), clock.instant());
    }

    @Operation(summary = "The backlog now: open tickets by age, time left and group")
    @GetMapping({"/api/reports/backlog", "/reports/backlog"})
    Backlog backlog() {
        return now();
    }

    @Operation(summary = "The backlog now as CSV, one table (`by`: age, time-left or group)")
    @GetMapping({"/api/reports/backlog.csv", "/reports/backlog.csv"})
    ResponseEntity<String> csv(@RequestParam(defaultValue = "age") String by) {
        BacklogCsv.Table table;
        try {
            table = BacklogCsv.Table.valueOf(by.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by must be age, time-left or group, not " + by);
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"backlog-by-"
                        + table.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".csv\"")
                .body(BacklogCsv.write(now(), table));
    }
}
