package io.turnaround.retention;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.turnaround.database.Timestamps.utc;

/**
 * The one row a node holds while it runs the job. A lease rather than a lock held in an open transaction: the job's
 * batches commit one by one, and a transaction left open for the whole run would keep PostgreSQL from vacuuming the
 * very rows it deletes. A node that dies holding it lets go when the lease runs out.
 */
@Repository
class RetentionLease {

    private static final String NAME = "retention";

    private final JdbcTemplate jdbc;

    RetentionLease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lease if nobody holds it (or the holder let it run out); false if another holds it. */
    boolean take(String holder, Instant now, Duration lease) {
        return jdbc.update("update retention_lease set holder = ?, held_until = ? where name = ?"
                + " and (holder is null or held_until < ?)", holder, utc(now.plus(lease)), NAME, utc(now)) == 1;
    }

    /** Holds it longer; false if it was lost meanwhile (it ran out and another node took it). */
    boolean renew(String holder, Instant now, Duration lease) {
        return jdbc.update("update retention_lease set held_until = ? where name = ? and holder = ?",
                utc(now.plus(lease)), NAME, holder) == 1;
    }

    void release(String holder) {
        jdbc.update("update retention_lease set holder = null, held_until = null where name = ? and holder = ?", NAME,
                holder);
    }

    /** Who holds it now, if anyone. */
    Optional<String> holder(Instant now) {
        return jdbc.queryForList("select holder from retention_lease where name = ? and holder is not null"
                + " and held_until >= ?", String.class, NAME, utc(now)).stream().findFirst();
    }
}
