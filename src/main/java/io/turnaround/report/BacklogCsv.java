package io.turnaround.report;

import java.util.ArrayList;
import java.util.List;

/** One of the backlog's tables as CSV ({@link ReportCsv}). */
final class BacklogCsv {

    enum Table { AGE, TIME_LEFT, GROUP }

    private BacklogCsv() {
    }

    static String write(Backlog backlog, Table table) {
        List<List<Object>> rows = new ArrayList<>();
        switch (table) {
            case AGE -> {
                backlog.byAge().forEach(count -> rows.add(List.of(count.bucket(), count.count())));
                return ReportCsv.write(List.of("Age", "Open tickets"), rows);
            }
            case TIME_LEFT -> {
                backlog.byTimeLeft().forEach(count -> rows.add(List.of(count.bucket(), count.count())));
                return ReportCsv.write(List.of("Time left to due", "Open tickets"), rows);
            }
            default -> {
                backlog.byGroup().forEach(group -> rows.add(List.of(group.group(), group.open(), group.overdue())));
                return ReportCsv.write(List.of("Group", "Open tickets", "Overdue"), rows);
            }
        }
    }
}
