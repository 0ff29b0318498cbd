package io.turnaround.database;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which of the two databases the server runs on (PostgreSQL, or H2 for the demo), for the few statements that differ. */
public final class Dialect {

    private Dialect() {
    }

    public static boolean isPostgres(JdbcTemplate jdbc) {
        return "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }
}
