package io.turnaround.policy;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.turnaround.database.Timestamps.utc;

/** Policy versions and their files in the database. */
@Repository
class PolicyVersions {

    private static final RowMapper<PolicyVersion> ROW = (rs, n) -> new PolicyVersion(
            rs.getInt("number"), rs.getString("content_hash"), PolicyVersion.State.valueOf(rs.getString("state")),
            rs.getString("author"), instant(rs.getObject("created_at", OffsetDateTime.class)),
            instant(rs.getObject("activated_at", OffsetDateTime.class)), (Integer) rs.getObject("based_on"),
            rs.getString("description"));

    private final JdbcTemplate jdbc;

    PolicyVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PolicyVersion> active() {
        return jdbc.query("select * from policy_version where state = 'ACTIVE'", ROW).stream().findFirst();
    }

    /**
     * The version that decided at that moment: the last one made active (imported, activated or rolled back to) at or
     * before it, by the audit log; before the first activation, the first version ever active.
     */
    Optional<PolicyVersion> activeAt(Instant at) {
        String activations = "select version_number from policy_audit where action in ('IMPORT', 'ACTIVATE', 'ROLLBACK')"
                + " and result = 'ACTIVE'";
        Optional<Integer> number = jdbc.queryForList(activations + " and at <= ? order by at desc, id desc limit 1",
                Integer.class, utc(at)).stream().findFirst();
        if (number.isEmpty()) {
            number = jdbc.queryForList(activations + " order by at, id limit 1", Integer.class).stream().findFirst();
        }
        return number.flatMap(this::find);
    }

    Optional<PolicyVersion> find(int number) {
        return jdbc.query("select * from policy_version where number = ?", ROW, number).stream().findFirst();
    }

    /** Newest first. */
    List<PolicyVersion> all() {
        return jdbc.query("select * from policy_version order by number desc", ROW);
    }

    /** The version that was active before the current one: what a rollback returns to. */
    Optional<PolicyVersion> previouslyActive() {
        return jdbc.query("select * from policy_version where state = 'RETIRED' and activated_at is not null"
                + " order by activated_at desc, number desc", ROW).stream().findFirst();
    }

    /**
     * Versions with process instances still running (open, assigned or waiting tickets, and resolved ones whose
     * breach task is still open): those instances need the version's deployment.
     */
    List<PolicyVersion> withOpenTickets() {
        return jdbc.query("select * from policy_version v where exists (select 1 from ticket t join ProcessInstanceInfo p"
                + " on p.InstanceId = t.process_instance_id where t.policy_version = v.number) order by number", ROW);
    }

    boolean isEmpty() {
        return jdbc.queryForObject("select count(*) from policy_version", Integer.class) == 0;
    }

    /**
     * Stores the bundle under the next free number, in {@code state}. The number is taken by the insert itself, so two
     * nodes storing at once get two numbers; the caller's transaction must be short, or it holds the number's lock.
     */
    PolicyVersion add(PolicyBundle bundle, PolicyVersion.State state, Integer basedOn, String author, String description,
                      Instant now) {
        for (int attempt = 1; ; attempt++) {
            int number = nextNumber();
            try {
                return insert(number, bundle, state, basedOn, author, description, now);
            } catch (DuplicateKeyException takenMeanwhile) {
                if (attempt == 3) {
                    throw takenMeanwhile;
                }
            }
        }
    }

    private PolicyVersion insert(int number, PolicyBundle bundle, PolicyVersion.State state, Integer basedOn,
                                 String author, String description, Instant now) {
        Instant activatedAt = state == PolicyVersion.State.ACTIVE ? now : null;
        jdbc.update("insert into policy_version (number, content_hash, state, author, created_at, activated_at, based_on,"
                        + " description) values (?, ?, ?, ?, ?, ?, ?, ?)", number, bundle.contentHash(), state.name(),
                author, utc(now), utc(activatedAt), basedOn, description);
        bundle.files().forEach((path, content) -> jdbc.update(
                "insert into policy_file (version_number, path, content) values (?, ?, ?)", number, path, content));
        return new PolicyVersion(number, bundle.contentHash(), state, author, now, activatedAt, basedOn, description);
    }

    private int nextNumber() {
        Integer last = jdbc.queryForObject("select max(number) from policy_version", Integer.class);
        return last == null ? 1 : last + 1;
    }

    void reject(int number) {
        jdbc.update("update policy_version set state = 'REJECTED' where number = ? and state = 'DRAFT'", number);
    }

    /**
     * Makes the version the active one and retires the one that was; returns the retired one. Every activation locks
     * the same row first, so activations on two nodes take turns and exactly one version stays active.
     */
    Optional<PolicyVersion> activate(int number, Instant now) {
        jdbc.queryForObject("select name from policy_lock where name = 'activation' for update", String.class);
        Optional<PolicyVersion> retired = active();
        jdbc.update("update policy_version set state = 'RETIRED' where state = 'ACTIVE'");
        jdbc.update("update policy_version set state = 'ACTIVE', activated_at = ? where number = ?", utc(now), number);
        return retired;
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

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
