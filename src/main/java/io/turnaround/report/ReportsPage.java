package io.turnaround.report;

import io.turnaround.policy.facts.Tier;
import io.turnaround.staff.Staff;
import io.turnaround.ticket.TicketCompliance;
import io.turnaround.ticket.TicketCompliance.Dimension;
import io.turnaround.ticket.TicketCompliance.Figures;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports page: SLA compliance for a period (grouped and filtered as its form asks, beside the period before,
 * each count a link to its tickets), with % met per week per tier and met and breached per group as charts; and the
 * backlog now. Every chart is drawn from the table beside it, and every table has its CSV.
 */
@Controller
class ReportsPage {

    /** How many weeks the weekly chart shows, ending with the period's last. */
    static final int WEEKS_CHARTED = 12;

    private final BacklogReport backlog;
    private final ComplianceReport compliance;
    private final TicketCompliance promises;
    private final ReportSettings settings;
    private final Clock clock;

    ReportsPage(BacklogReport backlog, ComplianceReport compliance, TicketCompliance promises, ReportSettings settings,
                Clock clock) {
        this.backlog = backlog;
        this.compliance = compliance;
        this.promises = promises;
        this.settings = settings;
        this.clock = clock;
    }

    /** A row of the compliance table: its key's values, its figures and the period before's, and its counts' links. */
    record RowView(List<String> key, Figures figures, Figures previous, Map<String, String> links) {
    }

    /** % met per week (rows) and tier (columns); null where a tier had nothing met or breached that week. */
    record WeeklyView(List<String> tiers, List<String> weeks, List<List<Double>> percentMet) {
    }

    @GetMapping("/reports")
    String show(@RequestParam Map<String, String> params, Authentication user, Model model) {
        Map<String, String> asked = new HashMap<>(params);
        asked.putIfAbsent("by", "tier");
        ReportRequest request = ReportRequest.of(asked, LocalDate.now(clock.withZone(settings.zone())), settings.zone());
        ComplianceReport.Compliance figures = compliance.compliance(request);
        List<RowView> rows = new ArrayList<>();
        for (ComplianceReport.Row row : figures.rows()) {
            rows.add(new RowView(new ArrayList<>(row.key().values()), row.figures(), row.previous(),
                    links(request.ticketsOf(row.figures().key()))));
        }
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("asked", asked);
        model.addAttribute("compliance", figures);
        model.addAttribute("rows", rows);
        model.addAttribute("totalLinks", links(request.ticketsOf(Map.of())));
        model.addAttribute("weekly", weekly(request));
        model.addAttribute("groups", promises.figures(request.query(List.of(request.period().whole()),
                List.of(Dimension.GROUP), clock.instant())));
        model.addAttribute("groupKey", Dimension.GROUP);
        model.addAttribute("tierKey", Dimension.TIER);
        model.addAttribute("csv", url("/reports/compliance.csv", asked));
        List<TicketCompliance.Span> whole = List.of(request.period().whole());
        model.addAttribute("escalations", promises.escalations(request.query(whole,
                List.of(Dimension.TIER, Dimension.GROUP), clock.instant())));
        model.addAttribute("partner", promises.partner(request.query(whole, List.of(Dimension.TIER), clock.instant())));
        Map<String, String> period = Map.of("from", request.period().from().toString(), "to",
                request.period().last().toString());
        model.addAttribute("escalationsCsv", url("/reports/escalations.csv", with(period, "by", "tier,group")));
        model.addAttribute("partnerCsv", url("/reports/partner.csv", with(period, "by", "tier")));
        model.addAttribute("backlog", backlog.now());
        return "reports";
    }

    /** The promises behind a count, as a page. */
    @GetMapping("/reports/compliance/tickets")
    String tickets(@RequestParam Map<String, String> params, @RequestParam(required = false) String standing,
                   Authentication user, Model model) {
        ReportRequest request = ReportRequest.of(params, LocalDate.now(clock.withZone(settings.zone())), settings.zone());
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("period", ComplianceReport.Days.of(request.period()));
        model.addAttribute("filters", request.filters());
        model.addAttribute("standing", standing == null ? "" : standing.toLowerCase(Locale.ROOT));
        model.addAttribute("tickets", promises.tickets(request.query(List.of(request.period().whole()), List.of(),
                clock.instant()), ComplianceReport.standing(standing), ComplianceReport.MOST_TICKETS));
        model.addAttribute("most", ComplianceReport.MOST_TICKETS);
        return "report-tickets";
    }

    /** The weeks up to the period's end, each tier's % met. */
    private WeeklyView weekly(ReportRequest request) {
        LocalDate last = request.period().last();
        ReportPeriod weeks = new ReportPeriod("days", ReportPeriod.Unit.WEEK.start(last).minusWeeks(WEEKS_CHARTED - 1),
                ReportPeriod.Unit.WEEK.start(last).plusWeeks(1), settings.zone());
        List<Figures> figures = promises.figures(request.query(weeks.cut(ReportPeriod.Unit.WEEK),
                List.of(Dimension.SPAN, Dimension.TIER), clock.instant()));
        List<String> tiers = java.util.Arrays.stream(Tier.values()).map(Enum::name).toList();
        Map<String, Map<String, Double>> byWeek = new LinkedHashMap<>();
        weeks.cut(ReportPeriod.Unit.WEEK).forEach(span -> byWeek.put(span.label(), new HashMap<>()));
        figures.forEach(f -> byWeek.get(f.key().get(Dimension.SPAN)).put(f.key().get(Dimension.TIER), f.percentMet()));
        List<List<Double>> percent = new ArrayList<>();
        byWeek.values().forEach(week -> percent.add(tiers.stream().map(week::get).toList()));
        return new WeeklyView(tiers, new ArrayList<>(byWeek.keySet()), percent);
    }

    /** The links of a group's counts: all its promises, and those met, breached and running. */
    private static Map<String, String> links(Map<String, String> query) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String standing : List.of("all", "met", "breached", "running")) {
            Map<String, String> params = new LinkedHashMap<>(query);
            if (!standing.equals("all")) {
                params.put("standing", standing);
            }
            links.put(standing, url("/reports/compliance/tickets", params));
        }
        return links;
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return more;
    }

    /** A path with these parameters, each value encoded whole (an ampersand in a group's name stays in it). */
    static String url(String path, Map<String, String> params) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        List<String> values = new ArrayList<>();
        params.forEach((name, value) -> {
            url.queryParam(name, "{v" + values.size() + "}");
            values.add(value);
        });
        return url.encode().buildAndExpand(values.toArray()).toUriString();
    }
}
