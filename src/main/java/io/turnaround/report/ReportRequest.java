package io.turnaround.report;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.Tier;
import io.turnaround.ticket.TicketCompliance.Dimension;
import io.turnaround.ticket.TicketCompliance.Query;
import io.turnaround.ticket.TicketCompliance.Span;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as asked for in its URL: the period ({@code period} and {@code date}, or {@code from} and {@code to}),
 * what to group by ({@code by=tier,week}: at most one of day, week and month) and the filters ({@code tier=GOLD},
 * {@code group=support-desk}, ...). A day, week or month given as a filter ({@code week=2026-11-23}) is the period.
 */
record ReportRequest(ReportPeriod period, ReportPeriod.Unit unit, List<Dimension> dimensions,
                     Map<Dimension, String> filterValues) {

    /** The names the API gives the dimensions that are not time. */
    private static final Map<String, Dimension> NAMES = Map.of("tier", Dimension.TIER, "category", Dimension.CATEGORY,
            "route", Dimension.ROUTE, "group", Dimension.GROUP, "client", Dimension.CLIENT, "assignee",
            Dimension.ASSIGNEE, "version", Dimension.VERSION);

    static ReportRequest of(Map<String, String> params, LocalDate today, ZoneId zone) {
        ReportPeriod period = null;
        for (ReportPeriod.Unit unit : ReportPeriod.Unit.values()) {
            String date = params.get(unit.name().toLowerCase(Locale.ROOT));
            if (date != null) {
                period = ReportPeriod.of(unit.name(), unit == ReportPeriod.Unit.MONTH && date.length() == 7
                        ? date + "-01" : date, null, null, today, zone);
            }
        }
        if (period == null) {
            period = ReportPeriod.of(params.get("period"), params.get("date"), params.get("from"), params.get("to"),
                    today, zone);
        }
        ReportPeriod.Unit unit = null;
        List<Dimension> dimensions = new ArrayList<>();
        String by = params.getOrDefault("by", "");
        for (String name : by.isBlank() ? new String[0] : by.split(",")) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (NAMES.containsKey(n) && !dimensions.contains(NAMES.get(n))) {
                dimensions.add(NAMES.get(n));
            } else if (Arrays.asList("day", "week", "month").contains(n) && unit == null) {
                unit = ReportPeriod.Unit.of(n);
                dimensions.add(0, Dimension.SPAN);
            } else {
                throw new BadReportException("by is a list of tier, category, route, group, client, assignee, version"
                        + " and one of day, week or month, each once; not " + by);
            }
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        NAMES.forEach((name, dimension) -> {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                filters.put(dimension, checked(name, value.trim()));
            }
        });
        return new ReportRequest(period, unit, dimensions, filters);
    }

    /** The spans a period is counted in: each day, week or month if grouped so, else the whole period. */
    List<Span> spans(ReportPeriod p) {
        return unit == null ? List.of(p.whole()) : p.cut(unit);
    }

    /** The query as asked: the period cut as {@code by} asks, grouped and filtered as asked. */
    Query asked(Instant now) {
        return query(spans(period), dimensions, now);
    }

    Query query(List<Span> spans, List<Dimension> by, Instant now) {
        return new Query(spans, by, filterValues, now);
    }

    /** What {@code by} named, as the API names it. */
    List<String> by() {
        return dimensions.stream().map(this::name).toList();
    }

    /** The filters, as the API names them. */
    Map<String, String> filters() {
        Map<String, String> named = new LinkedHashMap<>();
        filterValues.forEach((d, v) -> named.put(name(d), v));
        return named;
    }

    /** A group's key, as the API names its dimensions. */
    Map<String, String> names(Map<Dimension, String> key) {
        Map<String, String> named = new LinkedHashMap<>();
        key.forEach((d, v) -> named.put(name(d), v));
        return named;
    }

    /**
     * The query of the promises behind one group's count: these filters and the group's key, and its span as the
     * period if it has one, else this period.
     */
    Map<String, String> ticketsOf(Map<Dimension, String> key) {
        Map<String, String> params = new LinkedHashMap<>(filters());
        LocalDate from = period.from();
        LocalDate to = period.to();
        for (Map.Entry<Dimension, String> part : key.entrySet()) {
            if (part.getKey() != Dimension.SPAN) {
                params.put(name(part.getKey()), part.getValue() == null ? "" : part.getValue());
                continue;
            }
            LocalDate start = LocalDate.parse(unit == ReportPeriod.Unit.MONTH ? part.getValue() + "-01" : part.getValue());
            from = start.isAfter(from) ? start : from;
            to = unit.next(start).isBefore(to) ? unit.next(start) : to;
        }
        params.put("from", from.toString());
        params.put("to", to.minusDays(1).toString());
        return params;
    }

    private String name(Dimension d) {
        return d == Dimension.SPAN ? unit.name().toLowerCase(Locale.ROOT)
                : NAMES.entrySet().stream().filter(e -> e.getValue() == d).findFirst().orElseThrow().getKey();
    }

    private static String checked(String name, String value) {
        try {
            switch (name) {
                case "tier" -> Tier.valueOf(value);
                case "category" -> Category.valueOf(value);
                case "route" -> Route.valueOf(value);
                case "version" -> Integer.parseInt(value);
                default -> {
                }
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new BadReportException("no " + name + " is called " + value);
        }
    }
}
