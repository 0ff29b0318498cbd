package io.turnaround.policy;

import io.turnaround.database.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The append-only log of every step of a policy change: who, when, which version and hash, and the result. */
@Repository
public class PolicyAudit {

    /** The steps. IMPORT is the policy folder taken into an empty database at start-up. */
    public enum Action { IMPORT, UPLOAD, PREVIEW, ACTIVATE, ROLLBACK, MIGRATE }

    private static final RowMapper<PolicyAuditEntry> ROW = (rs, n) -> new PolicyAuditEntry(rs.getLong("id"),
            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
            Action.valueOf(rs.getString("action")), (Integer) rs.getObject("version_number"),
            rs.getString("content_hash"), rs.getString("result"), rs.getString("detail"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PolicyAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a step on a version ({@code version} may be null for an upload refused before it became one). */
    @Transactional
    public void record(String actor, Action action, PolicyVersion version, String result, String detail) {
        jdbc.update("insert into policy_audit (at, actor, action, version_number, content_hash, result, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", Timestamps.utc(clock.instant()),
                actor, action.name(), version == null ? null : version.number(),
                version == null ? null : version.contentHash(), result, detail);
    }

    /** Newest first. */
    public List<PolicyAuditEntry> latest(int limit) {
        return jdbc.query("select * from policy_audit order by id desc limit ?", ROW, limit);
    }

    /** Oldest first: the story of one version. */
    List<PolicyAuditEntry> of(int versionNumber) {
        return jdbc.query("select * from policy_audit where version_number = ? order by id", ROW, versionNumber);
    }
}
