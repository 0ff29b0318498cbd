package io.turnaround.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.ticket.PromiseRebuild;
import io.turnaround.ticket.TicketCompliance;
import io.turnaround.ticket.TicketCompliance.Dimension;
import io.turnaround.ticket.TicketCompliance.Figures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SLA compliance for a period: the promises whose clock started in it, met, breached and running, with the times to
 * assign, answer and resolve, grouped and filtered as asked, beside the period before. JSON, CSV, and the promises
 * behind any count. Programs call {@code /api/reports/...}; the reports page calls the same handlers beside itself.
 */
@RestController
@Tag(name = "Reports")
class ComplianceReport {

    /** The most promises listed behind a count. */
    static final int MOST_TICKETS = 500;

    private final TicketCompliance promises;
    private final PromiseRebuild rebuild;
    private final ReportSettings settings;
    private final Clock clock;

    ComplianceReport(TicketCompliance promises, PromiseRebuild rebuild, ReportSettings settings, Clock clock) {
        this.promises = promises;
        this.rebuild = rebuild;
        this.settings = settings;
        this.clock = clock;
    }

    /** A group's figures in the period and, where it can be matched, in the period before. */
    record Row(Map<String, String> key, Figures figures, Figures previous) {
    }

    /** A group's figures with its key, as the API names its dimensions. */
    record Keyed<T>(Map<String, String> key, T figures) {
    }

    /** The period in days of the reporting zone, both ends included. */
    record Days(String kind, LocalDate from, LocalDate to) {
        static Days of(ReportPeriod period) {
            return new Days(period.kind(), period.from(), period.last());
        }
    }

    record Compliance(String zone, Days period, Days previousPeriod, List<String> by, Map<String, String> filters,
                      Figures total, Figures previousTotal, List<Row> rows) {
    }

    @Operation(summary = "SLA compliance for a period, grouped and filtered as asked",
            description = "The promises whose clock started in the period: met, breached and running, with times to "
                    + "assign, answer and resolve, beside the period before. Parameters as on the reports page "
                    + "(README, \"Reports\").")
    @GetMapping({"/api/reports/compliance", "/reports/compliance"})
    Compliance compliance(@RequestParam Map<String, String> params) {
        ReportRequest request = ReportRequest.of(params, today(), settings.zone());
        return compliance(request);
    }

    Compliance compliance(ReportRequest request) {
        ReportPeriod period = request.period();
        ReportPeriod previous = period.previous();
        TicketCompliance.Counted now = promises.count(request.asked(clock.instant()));
        // The period before, by the same dimensions unless they cut it in time: its spans are not this one's.
        TicketCompliance.Counted then = promises.count(request.query(List.of(previous.whole()),
                request.unit() == null ? request.dimensions() : List.of(), clock.instant()));
        Map<Map<Dimension, String>, Figures> before = new LinkedHashMap<>();
        if (request.unit() == null) {
            then.groups().forEach(f -> before.put(f.key(), f));
        }
        List<Row> rows = new ArrayList<>();
        for (Figures figures : now.groups()) {
            rows.add(new Row(request.names(figures.key()), figures, before.get(figures.key())));
        }
        return new Compliance(settings.zone().getId(), Days.of(period), Days.of(previous), request.by(),
                request.filters(), now.total(), then.total(), rows);
    }

    @Operation(summary = "SLA compliance for a period, as CSV")
    @GetMapping({"/api/reports/compliance.csv", "/reports/compliance.csv"})
    ResponseEntity<String> csv(@RequestParam Map<String, String> params) {
        ReportRequest request = ReportRequest.of(params, today(), settings.zone());
        List<Figures> rows = promises.figures(request.asked(clock.instant()));
        return csv(request, "compliance", ComplianceCsv.compliance(request, rows));
    }

    /** Escalations: how many of the period's promises reached each rung of the SLA ladder, grouped as asked. */
    @Operation(summary = "How many of a period's promises reached each rung of the SLA ladder")
    @GetMapping({"/api/reports/escalations", "/reports/escalations"})
    List<Keyed<TicketCompliance.RungReached>> escalations(@RequestParam Map<String, String> params) {
        ReportRequest request = ReportRequest.of(params, today(), settings.zone());
        return promises.escalations(request.asked(clock.instant()))
                .stream().map(r -> new Keyed<>(request.names(r.key()), r)).toList();
    }

    @Operation(summary = "Escalations for a period, as CSV")
    @GetMapping({"/api/reports/escalations.csv", "/reports/escalations.csv"})
    ResponseEntity<String> escalationsCsv(@RequestParam Map<String, String> params) {
        ReportRequest request = ReportRequest.of(params, today(), settings.zone());
        return csv(request, "escalations", ComplianceCsv.escalations(request,
                promises.escalations(request.asked(clock.instant()))));
    }

    /** The hosting partner's answers to the period's forwarded emergencies, grouped as asked. */
    @Operation(summary = "The hosting partner's answers to a period's forwarded emergencies")
    @GetMapping({"/api/reports/partner", "/reports/partner"})
    List<Keyed<TicketCompliance.PartnerFigures>> partner(@RequestParam Map<String, String> params) {
        ReportRequest request = ReportRequest.of(params, today(), settings.zone());
        return promises.partner(request.asked(clock.instant()))
                .stream().map(f -> new Keyed<>(request.names(f.key()), f)).toList();
    }

    @Operation(summary = "The hosting partner's answers, as CSV")
    @GetMapping({"/api/reports/partner.csv", "/reports/partner.csv"})
    ResponseEntity<String> partnerCsv(@RequestParam Map<String, String> params) {
        ReportRequest request = ReportRequest.of(params, today(), settings.zone());
        return csv(request, "partner", ComplianceCsv.partner(request, promises.partner(request.asked(clock.instant()))));
    }

    private static ResponseEntity<String> csv(ReportRequest request, String name, String body) {
        return ResponseEntity.ok().contentType(BacklogReport.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-"
                        + request.period().from() + "-to-" + request.period().last() + ".csv\"")
                .body(body);
    }

    /** The promises behind a count: the request's, of one standing ({@code standing=met|breached|running}) or all. */
    @Operation(summary = "The promises behind a count",
            description = "Of one `standing` (met, breached or running), or all; at most 500.")
    @GetMapping({"/api/reports/compliance/tickets", "/reports/compliance/tickets.json"})
    List<TicketCompliance.PromisedTicket> tickets(@RequestParam Map<String, String> params,
                                                  @RequestParam(required = false) String standing) {
        ReportRequest request = ReportRequest.of(params, today(), settings.zone());
        return promises.tickets(request.query(List.of(request.period().whole()), List.of(), clock.instant()),
                standing(standing), MOST_TICKETS);
    }

    /** Writes every promise anew from the tickets' history (README, "How the figures are counted"). */
    @Operation(summary = "Write every promise anew from the tickets' history")
    @PostMapping("/api/reports/promises/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    PromiseRebuild.Rebuilt rebuild() {
        return rebuild.rebuild();
    }

    static TicketCompliance.Standing standing(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return TicketCompliance.Standing.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadReportException("standing must be met, breached or running, not " + name);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }
}
