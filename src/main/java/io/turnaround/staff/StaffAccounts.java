package io.turnaround.staff;

import io.turnaround.database.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Staff accounts as admins manage them (README, "Staff accounts"). Nobody is ever deleted: people are disabled, and
 * the history keeps their name. The last enabled admin can be neither disabled nor demoted. Every change is in the
 * audit, field by field, with its value before and after (a password only as "set").
 */
@Service
public class StaffAccounts {

    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** The enabled admins, their rows locked: two admins demoting each other at once cannot leave none. */
    private static final String ADMIN_LOCK = "select username from staff_user where enabled = true and username in"
            + " (select username from staff_role where role = 'ADMIN') order by username for update";

    /** The actor of the changes a single sign-on makes, in the audit. */
    static final String SINGLE_SIGN_ON = "single-sign-on";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * What to set; null leaves a field as it is. An empty e-mail or time zone clears it.
     *
     * @param password set (or reset) by an admin; never shown again
     */
    public record Change(String displayName, String email, Collection<StaffRole> roles, Collection<String> groups,
                         String timeZone, Boolean enabled, String password) {
    }

    public List<StaffAccount> all() {
        return jdbc.query("select * from staff_user order by username", (rs, n) -> account(rs));
    }

    public Optional<StaffAccount> find(String username) {
        return jdbc.query("select * from staff_user where username = ?", (rs, n) -> account(rs), username).stream()
                .findFirst();
    }

    /** A new account, enabled; it needs a user name, a role and a password. */
    @Transactional
    public StaffAccount create(String actor, String username, Change change) {
        String name = username == null ? "" : username.trim();
        StaffNames.refusal(name).ifPresent(reason -> {
            throw new InvalidStaffRequestException(reason);
        });
        if (change.roles() == null || change.roles().isEmpty()) {
            throw new InvalidStaffRequestException("a member of staff needs at least one role");
        }
        if (change.password() == null) {
            throw new InvalidStaffRequestException("a new account needs a password");
        }
        checked(change);
        if (find(name).isPresent()) {
            throw new StaffConflictException("the user name " + name + " is taken");
        }
        String displayName = change.displayName() == null || change.displayName().isBlank() ? name
                : change.displayName().trim();
        jdbc.update("insert into staff_user (username, password_hash, display_name) values (?, ?, ?)", name,
                passwords.encode(change.password()), displayName);
        audit(actor, name, "created", null, displayName);
        apply(actor, find(name).orElseThrow(), new Change(null, change.email(), change.roles(), change.groups(),
                change.timeZone(), change.enabled(), null));
        audit(actor, name, "password", null, "set");
        return find(name).orElseThrow();
    }

    /** Changes what the change names, and audits each field that really changed. */
    @Transactional
    public StaffAccount change(String actor, String username, Change change) {
        checked(change);
        if (change.displayName() != null && change.displayName().isBlank()) {
            throw new InvalidStaffRequestException("a display name cannot be empty");
        }
        if (change.roles() != null && change.roles().isEmpty()) {
            throw new InvalidStaffRequestException("a member of staff needs at least one role: disable the account"
                    + " instead");
        }
        boolean demotes = Boolean.FALSE.equals(change.enabled())
                || change.roles() != null && !change.roles().contains(StaffRole.ADMIN);
        List<String> admins = demotes ? jdbc.queryForList(ADMIN_LOCK, String.class) : List.of();
        StaffAccount before = find(username).orElseThrow(() -> new StaffNotFoundException(username));
        if (demotes && before.isEnabledAdmin() && admins.equals(List.of(username))) {
            String doing = Boolean.FALSE.equals(change.enabled()) ? "disabling" : "demoting";
            throw new StaffConflictException(username + " is the last enabled admin: make someone else an admin"
                    + " before " + doing + " " + username);
        }
        apply(actor, before, change);
        if (change.password() != null) {
            jdbc.update("update staff_user set password_hash = ? where username = ?",
                    passwords.encode(change.password()), username);
            audit(actor, username, "password", null, "reset");
        }
        return find(username).orElseThrow();
    }

    /**
     * The account a single sign-on identity signs in as (README, "Single sign-on"): the one linked to its subject;
     * else the account of that user name, linked now if the provider vouches for the e-mail address it has; else a new
     * one, with no password. Name, e-mail, roles and groups follow the provider at each sign-in, audited as
     * {@value #SINGLE_SIGN_ON}; the last enabled admin stays one, and a disabled account stays disabled.
     */
    @Transactional
    public StaffAccount signedOn(SignedOnIdentity identity) {
        // One statement reads both the linked account and the named one, so both come from the same moment: read
        // apart, a first sign-in committed in another tab between the two would look like someone else's account.
        List<Map.Entry<String, StaffAccount>> known = jdbc.query(
                "select * from staff_user where sso_subject = ? or username = ?", (rs, n) ->
                        Map.entry(Objects.toString(rs.getString("sso_subject"), ""), account(rs)),
                identity.subject(), identity.username());
        StaffAccount account = known.stream().filter(row -> row.getKey().equals(identity.subject()))
                .map(Map.Entry::getValue).findFirst()
                .orElseGet(() -> linkedOrCreated(identity, known.isEmpty() ? null : known.get(0).getValue()));
        return change(SINGLE_SIGN_ON, account.username(), new Change(identity.displayName(), identity.email(),
                identity.roles(), identity.groups(), null, null, null));
    }

    private StaffAccount linkedOrCreated(SignedOnIdentity identity, StaffAccount named) {
        String name = identity.username();
        if (named == null) {
            StaffNames.refusal(name).ifPresent(reason -> {
                throw new InvalidStaffRequestException("your provider names you " + name + ", but " + reason);
            });
            jdbc.update("insert into staff_user (username, display_name, sso_subject) values (?, ?, ?)", name,
                    identity.displayName() == null ? name : identity.displayName(), identity.subject());
            audit(SINGLE_SIGN_ON, name, "created", null, identity.subject());
            return find(name).orElseThrow();
        }
        if (named.singleSignOn()) {
            throw new StaffConflictException("the user name " + name + " belongs to another single sign-on identity");
        }
        if (!identity.emailVerified() || named.email() == null || !named.email().equalsIgnoreCase(identity.email())) {
            throw new StaffConflictException("the user name " + name + " belongs to an account that signs in with a"
                    + " password: an admin can give that account the e-mail address your provider has verified, and"
                    + " your next sign-in joins the two");
        }
        jdbc.update("update staff_user set sso_subject = ? where username = ?", identity.subject(), name);
        audit(SINGLE_SIGN_ON, name, "single_sign_on", null, identity.subject());
        return find(name).orElseThrow();
    }

    /** A person changes their own password, giving the current one first. */
    @Transactional
    public void changeOwnPassword(String username, String current, String password) {
        String hash = jdbc.queryForList("select password_hash from staff_user where username = ? and enabled = true",
                String.class, username).stream().findFirst().orElseThrow(() -> new StaffNotFoundException(username));
        if (current == null || !passwords.matches(current, hash)) {
            throw new InvalidStaffRequestException("the current password does not match");
        }
        Passwords.refusal(password).ifPresent(reason -> {
            throw new InvalidStaffRequestException(reason);
        });
        jdbc.update("update staff_user set password_hash = ? where username = ?", passwords.encode(password), username);
        audit(username, username, "password", null, "changed by its owner");
    }

    /** The latest changes, newest first; of one person's account when {@code username} is given. */
    public List<StaffAuditEntry> audit(String username, int limit) {
        String where = username == null ? "" : " where username = ?";
        Object[] args = username == null ? new Object[] {limit} : new Object[] {username, limit};
        return jdbc.query("select * from staff_audit" + where + " order by id desc limit ?", (rs, n) ->
                new StaffAuditEntry(Timestamps.instant(rs, "at"), rs.getString("actor"), rs.getString("username"),
                        rs.getString("what"), rs.getString("old_value"), rs.getString("new_value")), args);
    }

    private void apply(String actor, StaffAccount before, Change change) {
        String user = before.username();
        if (change.displayName() != null && !change.displayName().trim().equals(before.displayName())) {
            jdbc.update("update staff_user set display_name = ? where username = ?", change.displayName().trim(), user);
            audit(actor, user, "display_name", before.displayName(), change.displayName().trim());
        }
        if (change.email() != null && !Objects.equals(blankToNull(change.email()), before.email())) {
            jdbc.update("update staff_user set email = ? where username = ?", blankToNull(change.email()), user);
            audit(actor, user, "email", before.email(), blankToNull(change.email()));
        }
        String zoneBefore = before.timeZone() == null ? null : before.timeZone().getId();
        if (change.timeZone() != null && !Objects.equals(blankToNull(change.timeZone()), zoneBefore)) {
            jdbc.update("update staff_user set time_zone = ? where username = ?", blankToNull(change.timeZone()), user);
            audit(actor, user, "time_zone", zoneBefore, blankToNull(change.timeZone()));
        }
        if (change.enabled() != null && change.enabled() != before.enabled()) {
            jdbc.update("update staff_user set enabled = ? where username = ?", change.enabled(), user);
            audit(actor, user, "enabled", String.valueOf(before.enabled()), String.valueOf(change.enabled()));
        }
        if (change.roles() != null && !new TreeSet<>(change.roles()).equals(before.roles())) {
            jdbc.update("delete from staff_role where username = ?", user);
            new TreeSet<>(change.roles()).forEach(role ->
                    jdbc.update("insert into staff_role (username, role) values (?, ?)", user, role.name()));
            audit(actor, user, "roles", joined(before.roles()), joined(new TreeSet<>(change.roles())));
        }
        SortedSet<String> groups = change.groups() == null ? null
                : change.groups().stream().map(String::trim).collect(Collectors.toCollection(TreeSet::new));
        if (groups != null && !groups.equals(before.groups())) {
            jdbc.update("delete from staff_group where username = ?", user);
            groups.forEach(group ->
                    jdbc.update("insert into staff_group (username, group_name) values (?, ?)", user, group));
            audit(actor, user, "groups", joined(before.groups()), joined(groups));
        }
    }

    /** The rules every given field must keep, checked before anything is written. */
    private static void checked(Change change) {
        if (change.password() != null) {
            Passwords.refusal(change.password()).ifPresent(reason -> {
                throw new InvalidStaffRequestException(reason);
            });
        }
        if (change.email() != null && !change.email().isBlank()
                && (change.email().length() > 320 || !change.email().trim().matches("[^@\\s]+@[^@\\s]+"))) {
            throw new InvalidStaffRequestException("an e-mail address looks like name@example.com");
        }
        if (change.timeZone() != null && !change.timeZone().isBlank()) {
            try {
                ZoneId.of(change.timeZone().trim());
            } catch (DateTimeException e) {
                throw new InvalidStaffRequestException(change.timeZone() + " is no IANA time zone (e.g."
                        + " America/Los_Angeles)");
            }
        }
        if (change.groups() != null) {
            change.groups().stream().filter(g -> g == null || !GROUP.matcher(g.trim()).matches()).findFirst()
                    .ifPresent(g -> {
                        throw new InvalidStaffRequestException("a group name has 1 to 64 lower-case letters, digits"
                                + " and -: not " + g);
                    });
        }
    }

    private void audit(String actor, String username, String what, String before, String after) {
        jdbc.update("insert into staff_audit (at, actor, username, what, old_value, new_value)"
                + " values (?, ?, ?, ?, ?, ?)", Timestamps.utc(clock.instant()), actor, username, what, before, after);
    }

    private StaffAccount account(ResultSet rs) throws SQLException {
        String username = rs.getString("username");
        SortedSet<StaffRole> roles = jdbc.queryForList("select role from staff_role where username = ?", String.class,
                username).stream().map(StaffRole::valueOf).collect(Collectors.toCollection(TreeSet::new));
        SortedSet<String> groups = new TreeSet<>(jdbc.queryForList(
                "select group_name from staff_group where username = ?", String.class, username));
        String zone = rs.getString("time_zone");
        return new StaffAccount(username, rs.getString("display_name"), rs.getString("email"), roles, groups,
                zone == null ? null : ZoneId.of(zone), rs.getBoolean("enabled"), rs.getString("sso_subject") != null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String joined(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
