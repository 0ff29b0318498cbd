package io.turnaround.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as every table keeps them: {@code timestamp with time zone} columns, written in UTC so that H2 and
 * PostgreSQL store and compare the same values whatever the server's own zone.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The value to bind for an instant (null stays null). */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant a column holds, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
