package io.turnaround.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a run cost, per ticket: the server's CPU (its process's user and system time), PostgreSQL's CPU (every
 * postgres process's, and what finished backends left to the postmaster), the statements and transactions, the rows
 * inserted, updated and deleted in the server's database ({@code pg_stat_database}), and the WAL written. With
 * {@code pg_stat_statements} (preloaded, the extension created in that database) it also counts every statement and
 * names the ones called most. The machine must run nothing else meanwhile: CPU and WAL are the whole machine's.
 */
final class TicketCosts {

    /** Linux's USER_HZ: /proc reports CPU times in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final String url;
    private final String user;
    private final String serverPid;

    TicketCosts(String url, String user, String serverPid) {
        this.url = url;
        this.user = user;
        this.serverPid = serverPid;
    }

    /** The counters now. */
    Snapshot take() throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection(url, user, "");
             Statement sql = db.createStatement()) {
            // Backends publish their counters a moment after their transactions: let the last ones arrive.
            sql.execute("select pg_sleep(1.5)");
            Map<String, Long> database = new LinkedHashMap<>();
            try (ResultSet rs = sql.executeQuery("select xact_commit, xact_rollback, tup_inserted, tup_updated,"
                    + " tup_deleted, tup_returned, tup_fetched from pg_stat_database where datname = current_database()")) {
                rs.next();
                for (String column : List.of("xact_commit", "xact_rollback", "tup_inserted", "tup_updated", "tup_deleted",
                        "tup_returned", "tup_fetched")) {
                    database.put(column, rs.getLong(column));
                }
            }
            long wal;
            try (ResultSet rs = sql.executeQuery("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
                rs.next();
                wal = rs.getLong(1);
            }
            Map<String, Long> statements = statements(sql);
            return new Snapshot(cpuSeconds(serverPid), postgresCpuSeconds(), database, wal, statements);
        }
    }

    /** Calls per statement text in this database, or null without pg_stat_statements. */
    private static Map<String, Long> statements(Statement sql) {
        try (ResultSet rs = sql.executeQuery("select query, sum(calls) as calls from pg_stat_statements"
                + " where dbid = (select oid from pg_database where datname = current_database()) group by query")) {
            Map<String, Long> calls = new LinkedHashMap<>();
            while (rs.next()) {
                calls.put(rs.getString("query"), rs.getLong("calls"));
            }
            return calls;
        } catch (SQLException notInstalled) {
            return null;
        }
    }

    /** The run between two snapshots, per ticket, as lines to print. */
    static List<String> perTicket(Snapshot before, Snapshot after, long tickets) {
        List<String> lines = new ArrayList<>();
        if (tickets == 0) {
            return lines;
        }
        double n = tickets;
        lines.add(String.format("per ticket (%d): server CPU %.2f ms, PostgreSQL CPU %.2f ms, transactions %.1f,"
                        + " rows inserted %.1f, updated %.1f, deleted %.1f, WAL %.0f bytes", tickets,
                (after.serverCpu - before.serverCpu) * 1000 / n, (after.postgresCpu - before.postgresCpu) * 1000 / n,
                delta(before, after, "xact_commit") / n, delta(before, after, "tup_inserted") / n,
                delta(before, after, "tup_updated") / n, delta(before, after, "tup_deleted") / n,
                (after.walBytes - before.walBytes) / n));
        if (before.statements != null && after.statements != null) {
            Map<String, Long> calls = new LinkedHashMap<>();
            after.statements.forEach((query, count) -> {
                long d = count - before.statements.getOrDefault(query, 0L);
                if (d > 0) {
                    calls.put(query, d);
                }
            });
            lines.add(String.format("statements per ticket: %.1f; the most called:",
                    calls.values().stream().mapToLong(Long::longValue).sum() / n));
            calls.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                    .forEach(e -> lines.add(String.format("  %6.2f  %s", e.getValue() / n,
                            e.getKey().replaceAll("\\s+", " ").substring(0, Math.min(150, e.getKey().length())))));
        } else {
            lines.add("statements: pg_stat_statements is not available (shared_preload_libraries, then"
                    + " create extension pg_stat_statements in the server's database)");
        }
        return lines;
    }

    private static long delta(Snapshot before, Snapshot after, String column) {
        return after.database.get(column) - before.database.get(column);
    }

    private static double cpuSeconds(String pid) throws IOException {
        if (pid == null) {
            return Double.NaN;
        }
        String[] fields = statFields(Path.of("/proc", pid, "stat"));
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
    }

    /** Every postgres process's CPU, and the postmaster's finished children's (their backends that exited). */
    private static double postgresCpuSeconds() throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] fields;
                try {
                    fields = statFields(process.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                if (fields[1].equals("(postgres)")) {
                    ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    if (!fields[3].isEmpty() && !isPostgres(fields[3])) {
                        ticks += Long.parseLong(fields[15]) + Long.parseLong(fields[16]);
                    }
                }
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static boolean isPostgres(String pid) {
        try {
            return statFields(Path.of("/proc", pid, "stat"))[1].equals("(postgres)");
        } catch (IOException e) {
            return false;
        }
    }

    /** /proc/PID/stat split into its fields; the command (field 2) may hold spaces, so it is cut out first. */
    private static String[] statFields(Path stat) throws IOException {
        String line = Files.readString(stat);
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String[] rest = line.substring(close + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = line.substring(0, open - 1);
        fields[1] = line.substring(open, close + 1);
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    record Snapshot(double serverCpu, double postgresCpu, Map<String, Long> database, long walBytes,
                    Map<String, Long> statements) {
    }
}
