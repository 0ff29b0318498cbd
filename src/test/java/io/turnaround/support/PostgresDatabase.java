package io.turnaround.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test class on the server at TURNAROUND_TEST_PG (default
 * 127.0.0.1:5432, user postgres). Databases left by earlier runs are dropped first: those created more than
 * {@link #STALE_AFTER} ago (the name carries its creation time) that nobody is connected to, so that a run
 * going on beside this one keeps the database it has just created.
 */
public final class PostgresDatabase {

    private static final String SERVER = System.getenv().getOrDefault("TURNAROUND_TEST_PG", "127.0.0.1:5432");
    private static final String USER = System.getenv().getOrDefault("TURNAROUND_TEST_PG_USER", "postgres");
    private static final String PREFIX = "turnaround_it_";
    private static final Duration STALE_AFTER = Duration.ofHours(2);

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create() {
        long now = Instant.now().getEpochSecond();
        String name = PREFIX + now + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
             Statement sql = admin.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (var rs = sql.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'"
                    + " and not exists (select 1 from pg_stat_activity a where a.datname = pg_database.datname)")) {
                while (rs.next()) {
                    String db = rs.getString(1);
                    if (createdBefore(db, now - STALE_AFTER.toSeconds())) {
                        stale.add(db);
                    }
                }
            }
            for (String db : stale) {
                sql.execute("drop database if exists " + db);
            }
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed at " + SERVER + " for this test: " + e.getMessage(), e);
        }
        return new PostgresDatabase(name);
    }

    /** Names without a creation time come from before it was added to the name, and are stale. */
    private static boolean createdBefore(String name, long epochSecond) {
        String[] parts = name.substring(PREFIX.length()).split("_");
        return parts.length < 2 || !parts[0].matches("\\d{1,12}") || Long.parseLong(parts[0]) < epochSecond;
    }

    public String url() {
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    public String user() {
        return USER;
    }

    /** Spring properties that point the {@code postgres} profile at this database. */
    public String[] springArgs() {
        return springArgs("postgres");
    }

    /** The same, with the demo profile's staff and clients (password "demo"; the server listens on 127.0.0.1). */
    public String[] springArgsWithDemoData() {
        return springArgs("postgres,demo");
    }

    private String[] springArgs(String profiles) {
        return new String[] {"--spring.profiles.active=" + profiles, "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + USER, "--spring.datasource.password="};
    }
}
