package io.turnaround.report;

import io.turnaround.ticket.TicketCompliance.Figures;
import io.turnaround.ticket.TicketCompliance.PartnerFigures;
import io.turnaround.ticket.TicketCompliance.RungReached;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The compliance, escalation and partner tables as CSV: a row per group, its key first, times in minutes. */
final class ComplianceCsv {

    private static final List<String> FIGURES = List.of("Tickets", "Met", "Breached", "Running", "% met",
            "Time to assign on its clock, median (min)", "Time to assign on its clock, p90 (min)",
            "Time to assign, median (min)", "Time to assign, p90 (min)", "First response, median (min)",
            "First response, p90 (min)", "Time to resolve, median (min)", "Time to resolve, p90 (min)",
            "Paused (min)", "Tickets paused");

    private ComplianceCsv() {
    }

    static String compliance(ReportRequest request, List<Figures> figures) {
        List<List<Object>> rows = new ArrayList<>();
        for (Figures f : figures) {
            List<Object> row = new ArrayList<>(f.key().values());
            row.addAll(Arrays.asList(f.tickets(), f.met(), f.breached(), f.running(), f.percentMet(),
                    f.assignOnClockMedian(), f.assignOnClockP90(), f.assignMedian(), f.assignP90(),
                    f.firstResponseMedian(), f.firstResponseP90(), f.resolveMedian(), f.resolveP90(), f.paused(),
                    f.pausedTickets()));
            rows.add(row);
        }
        return ReportCsv.write(header(request, FIGURES), rows);
    }

    static String escalations(ReportRequest request, List<RungReached> rungs) {
        List<List<Object>> rows = new ArrayList<>();
        for (RungReached r : rungs) {
            List<Object> row = new ArrayList<>(r.key().values());
            row.addAll(Arrays.asList(r.rung(), r.moment(), r.action(), r.tickets()));
            rows.add(row);
        }
        return ReportCsv.write(header(request, List.of("Rung", "Moment", "Action", "Tickets")), rows);
    }

    static String partner(ReportRequest request, List<PartnerFigures> figures) {
        List<List<Object>> rows = new ArrayList<>();
        for (PartnerFigures f : figures) {
            List<Object> row = new ArrayList<>(f.key().values());
            row.addAll(Arrays.asList(f.forwarded(), f.answered(), f.answeredLate(), f.unansweredPastDue(),
                    f.answerMedian(), f.answerP90()));
            rows.add(row);
        }
        return ReportCsv.write(header(request, List.of("Forwarded", "Answered", "Answered after due",
                "Unanswered past due", "First answer, median (min)", "First answer, p90 (min)")), rows);
    }

    private static List<String> header(ReportRequest request, List<String> figures) {
        List<String> header = new ArrayList<>(request.by());
        header.addAll(figures);
        return header;
    }
}
