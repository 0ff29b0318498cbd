package io.turnaround.ticket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.turnaround.database.Dialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.turnaround.database.Timestamps.instant;
import static io.turnaround.database.Timestamps.utc;

/**
 * The promises as the reports count them ({@code ticket_promise}; README, "How the figures are counted"). A promise
 * belongs to the span its clock started in. It was met or breached when a person was assigned (or the work done)
 * before or after its due instant, or breached by the ladder; a running one whose due instant has passed (its clock
 * not paused before it) is breached already; every other is still running.
 */
@Repository
public class TicketCompliance {

    /** What the figures can be grouped and filtered by; {@code SPAN} is the time span a promise's clock started in. */
    public enum Dimension {
        SPAN("b.label"), TIER("p.tier"), CATEGORY("p.category"), ROUTE("p.route"), GROUP("p.candidate_group"),
        CLIENT("c.name"), ASSIGNEE("p.assignee"), VERSION("cast(p.policy_version as varchar(12))");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** A span of time with its label (a day, week or month in the reporting zone), start inclusive, end exclusive. */
    public record Span(String label, Instant from, Instant to) {
    }

    /**
     * What to count: promises whose clock started in one of the spans (in order, not overlapping), grouped by
     * {@code by} (in order), kept to those whose dimensions equal {@code filters}.
     */
    public record Query(List<Span> spans, List<Dimension> by, Map<Dimension, String> filters, Instant now) {
        public Query {
            spans = List.copyOf(spans);
            by = List.copyOf(by);
            filters = filters.isEmpty() ? Map.of() : new EnumMap<>(filters);
        }
    }

    /** The figures of one group; durations are null where no promise had one. */
    public record Figures(@JsonIgnore Map<Dimension, String> key, int tickets, int met, int breached,
                          Duration assignOnClockMedian, Duration assignOnClockP90, Duration assignMedian, Duration assignP90,
                          Duration firstResponseMedian, Duration firstResponseP90, Duration resolveMedian,
                          Duration resolveP90, Duration paused, int pausedTickets) {

        @JsonProperty
        public int running() {
            return tickets - met - breached;
        }

        /** Met, in percent of those met or breached; null when none is either yet. */
        @JsonProperty
        public Double percentMet() {
            return met + breached == 0 ? null : Math.round(1000.0 * met / (met + breached)) / 10.0;
        }
    }

    /** One promise behind a count. */
    public record PromisedTicket(String key, String subject, String client, String tier, String category, String group,
                                 String assignee, Instant clockFrom, Instant dueAt, String standing, Instant stoppedAt) {
    }

    /** How a promise stands, as the figures count it. */
    public enum Standing {
        MET("p.outcome = 'MET'"),
        BREACHED("(p.outcome = 'BREACHED' or (p.outcome is null and coalesce(p.paused_at, ?) > p.due_at))"),
        RUNNING("(p.outcome is null and coalesce(p.paused_at, ?) <= p.due_at)");

        private final String sql;

        Standing(String sql) {
            this.sql = sql;
        }
    }

    private static final String TICKET = " join ticket t on t.id = p.ticket_id";
    /** The hosting partner's first answer, if it came on the promise's clock. */
    private static final String PARTNER_ANSWERED = "t.partner_responded_at >= p.clock_from and (p.next_clock_from is null"
            + " or t.partner_responded_at < p.next_clock_from)";

    private final JdbcTemplate jdbc;
    /** Whether the database is PostgreSQL; asked when first needed. */
    private volatile Boolean postgres;

    TicketCompliance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of each group (in the order of {@code by}, spans in time order), or one total if none. */
    public List<Figures> figures(Query query) {
        return count(query).groups();
    }

    /** Each group's figures and the total's, counted in one reading of the promises. */
    public record Counted(List<Figures> groups, Figures total) {
    }

    public Counted count(Query query) {
        PromiseTally total = new PromiseTally(Map.of());
        if (query.spans().isEmpty()) {
            return new Counted(List.of(), total.figures());
        }
        List<Object> args = new ArrayList<>();
        args.add(utc(query.now()));
        List<Dimension> columns = query.by().stream().filter(d -> d != Dimension.SPAN).toList();
        boolean client = query.by().contains(Dimension.CLIENT) || query.filters().containsKey(Dimension.CLIENT);
        // Numbers rather than instants: a year is a hundred thousand rows, and an instant is costly to read.
        String sql = "select " + seconds("p.clock_from") + " as clock_from, case when p.outcome = 'MET' then 'MET'"
                + " when " + Standing.BREACHED.sql + " then 'BREACHED' else 'RUNNING' end as standing,"
                + " p.assign_clock_seconds, " + secondsSinceClock("p.stopped_at") + " as assign, "
                + secondsSinceClock("p.first_response_at") + " as answer, " + secondsSinceClock("p.resolved_at")
                + " as resolve, p.paused_seconds, p.paused"
                + columns.stream().map(d -> ", " + d.column + " as by_" + d.name()).collect(Collectors.joining())
                + " from ticket_promise p" + (client ? " left join client c on c.id = p.client_id" : "")
                + where(query, args);
        List<Span> spans = query.spans();
        // A group's key is its values in the order of by, a span by its index; sorted once all are counted.
        Map<List<Object>, PromiseTally> groups = new HashMap<>();
        if (query.by().isEmpty()) {
            groups.put(List.of(), total);
        }
        jdbc.query(sql, rs -> {
            int span = spanOf(spans, rs.getDouble("clock_from"));
            if (span < 0) {
                return;
            }
            List<Object> key = new ArrayList<>(query.by().size());
            for (Dimension d : query.by()) {
                key.add(d == Dimension.SPAN ? span : rs.getString("by_" + d.name()));
            }
            PromiseTally group = groups.computeIfAbsent(key, k -> new PromiseTally(named(query, k)));
            Standing standing = Standing.valueOf(rs.getString("standing"));
            Long ran = (Long) rs.getObject("assign_clock_seconds");
            Double assign = (Double) rs.getObject("assign");
            Double answer = (Double) rs.getObject("answer");
            Double resolve = (Double) rs.getObject("resolve");
            long paused = rs.getLong("paused_seconds");
            boolean wasPaused = rs.getBoolean("paused");
            for (PromiseTally tally : group == total ? List.of(total) : List.of(group, total)) {
                tally.add(standing, ran, assign, answer, resolve, paused, wasPaused);
            }
        }, args.toArray());
        List<Figures> figures = groups.entrySet().stream().sorted(Map.Entry.comparingByKey(TicketCompliance::compare))
                .map(group -> group.getValue().figures()).toList();
        return new Counted(figures, total.figures());
    }

    /** A group's key with its dimensions named, a span by its label. */
    private static Map<Dimension, String> named(Query query, List<Object> key) {
        Map<Dimension, String> named = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            Dimension d = query.by().get(i);
            named.put(d, d == Dimension.SPAN ? query.spans().get((Integer) key.get(i)).label() : (String) key.get(i));
        }
        return named;
    }

    /** Groups in the order SQL's {@code order by} would give them: spans in time, the rest by text, none last. */
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int order = x instanceof Integer span ? span.compareTo((Integer) y)
                    : Comparator.nullsLast(Comparator.<String>naturalOrder()).compare((String) x, (String) y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** The span holding the instant (seconds since the epoch), by the spans' starts (in order); -1 if none does. */
    private static int spanOf(List<Span> spans, double at) {
        int low = 0;
        int high = spans.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Span span = spans.get(middle);
            if (at < seconds(span.from())) {
                high = middle - 1;
            } else if (at >= seconds(span.to())) {
                low = middle + 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    /**
     * An instant column as seconds since the epoch, a double. PostgreSQL's {@code extract} gives a numeric, whose
     * arithmetic took a year's figures a hundred milliseconds longer than {@code date_part}'s double; H2 has only
     * {@code extract}.
     */
    private String seconds(String column) {
        if (postgres == null) {
            postgres = Dialect.isPostgres(jdbc);
        }
        return postgres ? "date_part('epoch', " + column + ")" : "cast(extract(epoch from " + column + ") as double precision)";
    }

    /** The seconds from the promise's clock start to an instant column (null if it is null). */
    private String secondsSinceClock(String column) {
        return seconds(column) + " - " + seconds("p.clock_from");
    }

    /** The promises behind a count: those of the query that stand so (all, if null), the oldest first. */
    public List<PromisedTicket> tickets(Query query, Standing standing, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(utc(query.now()));
        String sql = "select p.ticket_id, t.subject, c.name, p.tier, p.category, p.candidate_group, p.assignee,"
                + " p.clock_from, p.due_at, p.stopped_at, case when p.outcome is not null then p.outcome"
                + " when " + Standing.BREACHED.sql + " then 'BREACHED' else 'RUNNING' end as standing"
                + from(query, args, TICKET) + (standing == null ? "" : " and " + standing.sql)
                + " order by p.clock_from, p.ticket_id fetch first " + limit + " rows only";
        if (standing != null && standing != Standing.MET) {
            args.add(utc(query.now()));
        }
        return jdbc.query(sql, (rs, n) -> new PromisedTicket(TicketKey.of(rs.getLong("ticket_id")),
                rs.getString("subject"), rs.getString("name"), rs.getString("tier"), rs.getString("category"),
                rs.getString("candidate_group"), rs.getString("assignee"), instant(rs, "clock_from"),
                instant(rs, "due_at"), rs.getString("standing"), instant(rs, "stopped_at")), args.toArray());
    }

    /** How many of a group's promises reached a rung of the SLA ladder (a step that ran, not one skipped). */
    public record RungReached(@JsonIgnore Map<Dimension, String> key, int rung, String moment, String action, int tickets) {
    }

    /** The rungs the query's promises reached, each counted once per promise, grouped as the query asks. */
    public List<RungReached> escalations(Query query) {
        List<Object> args = new ArrayList<>();
        String keys = query.by().stream().map(d -> d.column + ", ").collect(Collectors.joining());
        String sql = "select " + keys + "min(e.rung) as rung, e.moment, e.action, count(distinct p.ticket_id) as tickets"
                + from(query, args, " join sla_escalation e on e.ticket_id = p.ticket_id and e.outcome = 'DONE'"
                + " and e.fired_at >= p.clock_from and (p.next_clock_from is null or e.fired_at < p.next_clock_from)")
                + " group by " + keys + "e.moment, e.action order by " + keys + "min(e.rung), e.moment, e.action";
        return jdbc.query(sql, (rs, n) -> new RungReached(key(rs, query.by()), rs.getInt("rung"), rs.getString("moment"),
                rs.getString("action"), rs.getInt("tickets")), args.toArray());
    }

    /**
     * The hosting partner's answers to the emergencies forwarded to it: how many were forwarded, answered, answered
     * after the client's own due instant, and still unanswered past it; the time to its first answer.
     */
    public record PartnerFigures(@JsonIgnore Map<Dimension, String> key, int forwarded, int answered, int answeredLate,
                                 int unansweredPastDue, Duration answerMedian, Duration answerP90) {
    }

    public List<PartnerFigures> partner(Query query) {
        List<Object> args = new ArrayList<>();
        args.add(utc(query.now()));
        String keys = query.by().stream().map(d -> d.column).collect(Collectors.joining(", "));
        String answered = "case when " + PARTNER_ANSWERED + " then 1 else 0 end";
        String seconds = "case when " + PARTNER_ANSWERED + " then extract(epoch from t.partner_responded_at)"
                + " - extract(epoch from p.clock_from) end";
        String sql = "select " + (keys.isEmpty() ? "" : keys + ", ") + "count(*) as forwarded, sum(" + answered
                + ") as answered, sum(case when " + PARTNER_ANSWERED + " and t.partner_responded_at > p.due_at then 1"
                + " else 0 end) as late, sum(case when " + answered + " = 0 and ? > p.due_at then 1 else 0 end)"
                + " as unanswered," + percentiles(seconds, "answer").replaceAll(",$", "")
                + from(query, args, TICKET) + " and p.route = 'HOSTING_PARTNER' and p.category = 'EMERGENCY'"
                + (keys.isEmpty() ? "" : " group by " + keys + " order by " + keys);
        return jdbc.query(sql, (rs, n) -> new PartnerFigures(key(rs, query.by()), rs.getInt("forwarded"),
                rs.getInt("answered"), rs.getInt("late"), rs.getInt("unanswered"), seconds(rs, "answer_median"),
                seconds(rs, "answer_p90")), args.toArray());
    }

    /** The promises from the first span's start to the last one's end, kept to the filters. */
    private static String where(Query query, List<Object> args) {
        StringBuilder sql = new StringBuilder(" where p.clock_from >= ? and p.clock_from < ?");
        args.add(utc(query.spans().get(0).from()));
        args.add(utc(query.spans().get(query.spans().size() - 1).to()));
        query.filters().forEach((dimension, value) -> {
            sql.append(" and ").append(dimension.column).append(" = ?");
            args.add(value);
        });
        return sql.toString();
    }

    /**
     * The promises of the query's spans and filters: {@code p} joined to its span {@code b}, to its client {@code c},
     * and to what {@code joins} names.
     */
    private static String from(Query query, List<Object> args, String joins) {
        StringBuilder sql = new StringBuilder(" from ticket_promise p join (values ");
        for (int i = 0; i < query.spans().size(); i++) {
            Span span = query.spans().get(i);
            sql.append(i == 0 ? "" : ", ").append("(cast(? as varchar(40)), cast(? as timestamp with time zone),"
                    + " cast(? as timestamp with time zone))");
            args.add(span.label());
            args.add(utc(span.from()));
            args.add(utc(span.to()));
        }
        return sql.append(") as b (label, span_from, span_to) on p.clock_from >= b.span_from and p.clock_from < b.span_to")
                .append(joins).append(" left join client c on c.id = p.client_id").append(where(query, args)).toString();
    }

    private static String percentiles(String seconds, String name) {
        return " percentile_cont(0.5) within group (order by " + seconds + ") as " + name + "_median,"
                + " percentile_cont(0.9) within group (order by " + seconds + ") as " + name + "_p90,";
    }

    /** A group's key: its dimensions' values, the first columns of the row. */
    private static Map<Dimension, String> key(ResultSet rs, List<Dimension> by) throws SQLException {
        Map<Dimension, String> key = new LinkedHashMap<>();
        for (int i = 0; i < by.size(); i++) {
            key.put(by.get(i), rs.getString(i + 1));
        }
        return key;
    }

    /** A duration of whole seconds, rounded; null stays null. */
    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofSeconds(Math.round(value));
    }
}
