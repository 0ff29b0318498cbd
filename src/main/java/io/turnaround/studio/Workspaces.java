package io.turnaround.studio;

import io.turnaround.policy.PolicyBundle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.turnaround.database.Timestamps.utc;

/** The studio's workspaces and their files in the database. */
@Repository
class Workspaces {

    private static final RowMapper<Workspace> WORKSPACE = (rs, n) -> new Workspace(rs.getLong("id"),
            rs.getInt("based_on"), Workspace.State.valueOf(rs.getString("state")), rs.getLong("revision"),
            rs.getString("created_by"), instant(rs.getObject("created_at", OffsetDateTime.class)),
            rs.getString("changed_by"), instant(rs.getObject("changed_at", OffsetDateTime.class)),
            (Integer) rs.getObject("submitted_as"));

    private static final RowMapper<WorkspaceFile> FILE = (rs, n) -> new WorkspaceFile(rs.getString("path"),
            rs.getString("content"), rs.getLong("revision"), rs.getString("saved_by"),
            instant(rs.getObject("saved_at", OffsetDateTime.class)));

    private final JdbcTemplate jdbc;

    Workspaces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new open workspace holding the bundle's files, each at revision 1. */
    Workspace create(int basedOn, PolicyBundle bundle, String actor, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("insert into policy_workspace (based_on, state, revision,"
                    + " created_by, created_at, changed_by, changed_at) values (?, 'OPEN', 1, ?, ?, ?, ?)",
                    new String[] {"id"});
            s.setInt(1, basedOn);
            s.setString(2, actor);
            s.setObject(3, utc(now));
            s.setString(4, actor);
            s.setObject(5, utc(now));
            return s;
        }, key);
        long id = key.getKey().longValue();
        bundle.files().forEach((path, content) -> insertFile(id, path, content, 1, actor, now));
        return find(id).orElseThrow();
    }

    Optional<Workspace> find(long id) {
        return jdbc.query("select * from policy_workspace where id = ?", WORKSPACE, id).stream().findFirst();
    }

    /** The workspace, its row locked until the transaction ends: saves to one workspace take turns. */
    Optional<Workspace> lock(long id) {
        return jdbc.query("select * from policy_workspace where id = ? for update", WORKSPACE, id).stream().findFirst();
    }

    /** The open workspaces, the latest changed first. */
    List<Workspace> open() {
        return jdbc.query("select * from policy_workspace where state = 'OPEN' order by changed_at desc, id desc",
                WORKSPACE);
    }

    /** Each file without its text, by path. */
    List<WorkspaceFile> files(long id) {
        return jdbc.query("select path, '' as content, revision, saved_by, saved_at from policy_workspace_file"
                + " where workspace_id = ? order by path", FILE, id);
    }

    Optional<WorkspaceFile> file(long id, String path) {
        return jdbc.query("select * from policy_workspace_file where workspace_id = ? and path = ?", FILE, id, path)
                .stream().findFirst();
    }

    PolicyBundle bundle(long id) {
        Map<String, String> files = new TreeMap<>();
        jdbc.query("select path, content from policy_workspace_file where workspace_id = ?",
                rs -> {
                    files.put(rs.getString("path"), rs.getString("content"));
                }, id);
        return PolicyBundle.of(files);
    }

    /** Takes the workspace's next revision for a change by the actor; the caller holds its lock. */
    long nextRevision(long id, String actor, Instant now) {
        jdbc.update("update policy_workspace set revision = revision + 1, changed_by = ?, changed_at = ? where id = ?",
                actor, utc(now), id);
        return jdbc.queryForObject("select revision from policy_workspace where id = ?", Long.class, id);
    }

    void insertFile(long id, String path, String content, long revision, String actor, Instant now) {
        jdbc.update("insert into policy_workspace_file (workspace_id, path, content, revision, saved_by, saved_at)"
                + " values (?, ?, ?, ?, ?, ?)", id, path, content, revision, actor, utc(now));
    }

    void updateFile(long id, String path, String content, long revision, String actor, Instant now) {
        jdbc.update("update policy_workspace_file set content = ?, revision = ?, saved_by = ?, saved_at = ?"
                + " where workspace_id = ? and path = ?", content, revision, actor, utc(now), id, path);
    }

    void deleteFile(long id, String path) {
        jdbc.update("delete from policy_workspace_file where workspace_id = ? and path = ?", id, path);
    }

    /** Closes an open workspace unless it changed after {@code revision}; false if it did (or was closed). */
    boolean close(long id, Workspace.State state, Integer submittedAs, long revision, String actor, Instant now) {
        return jdbc.update("update policy_workspace set state = ?, submitted_as = ?, changed_by = ?, changed_at = ?"
                + " where id = ? and state = 'OPEN' and revision = ?", state.name(), submittedAs, actor, utc(now), id,
                revision) == 1;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
