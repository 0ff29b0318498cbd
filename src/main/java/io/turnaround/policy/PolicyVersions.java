package io.turnaround.policy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Policy versions and their files in the database. */
@Repository
class PolicyVersions {

    private static final RowMapper<PolicyVersion> ROW = (rs, n) -> new PolicyVersion(
            rs.getInt("number"), rs.getString("content_hash"), rs.getString("state"), rs.getString("author"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;

    PolicyVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PolicyVersion> active() {
        return jdbc.query("select * from policy_version where state = 'ACTIVE'", ROW).stream().findFirst();
    }

    /**
     * Versions with process instances still running (open, assigned or waiting tickets, and resolved ones whose
     * breach task is still open): those instances need the version's deployment.
     */
    List<PolicyVersion> withOpenTickets() {
        return jdbc.query("select * from policy_version v where exists (select 1 from ticket t join ProcessInstanceInfo p"
                + " on p.InstanceId = t.process_instance_id where t.policy_version = v.number) order by number", ROW);
    }

    int nextNumber() {
        Integer last = jdbc.queryForObject("select max(number) from policy_version", Integer.class);
        return last == null ? 1 : last + 1;
    }

    /** Stores the bundle as version {@code number} and makes it the active one. */
    PolicyVersion addActive(int number, PolicyBundle bundle, String author, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.update("update policy_version set state = 'RETIRED' where state = 'ACTIVE'");
        jdbc.update("insert into policy_version (number, content_hash, state, author, created_at, activated_at)"
                + " values (?, ?, 'ACTIVE', ?, ?, ?)", number, bundle.contentHash(), author, at, at);
        bundle.files().forEach((path, content) ->
                jdbc.update("insert into policy_file (version_number, path, content) values (?, ?, ?)", number, path, content));
        return new PolicyVersion(number, bundle.contentHash(), "ACTIVE", author, now);
    }

    PolicyBundle bundle(int number) {
        Map<String, String> files = new TreeMap<>();
        jdbc.query("select path, content from policy_file where version_number = ?",
                rs -> {
                    files.put(rs.getString("path"), rs.getString("content"));
                },
                number);
        return PolicyBundle.of(files);
    }
}
