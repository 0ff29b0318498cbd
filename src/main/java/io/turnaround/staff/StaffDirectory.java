package io.turnaround.staff;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Staff accounts, their roles and their groups, from the database. Spring Security signs people in
 * with it and the task service asks it for group memberships, so both see the same identity.
 * A signed-in user's authorities are {@code ROLE_<role>} for each role plus each group's plain name.
 */
@Service
public class StaffDirectory implements UserDetailsService {

    private final JdbcTemplate jdbc;

    StaffDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String username) {
        Integer count = jdbc.queryForObject("select count(*) from staff_user where username = ? and enabled = true",
                Integer.class, username);
        return count != null && count > 0;
    }

    /** The IANA zone in the person's profile, if one is set. */
    public Optional<String> timeZoneOf(String username) {
        return jdbc.queryForList("select time_zone from staff_user where username = ? and time_zone is not null",
                String.class, username).stream().findFirst();
    }

    public List<String> groupsOf(String username) {
        return jdbc.queryForList("select group_name from staff_group where username = ? order by group_name",
                String.class, username);
    }

    /** Enabled members of a task group, by user name. */
    public List<String> membersOf(String group) {
        return jdbc.queryForList("select g.username from staff_group g join staff_user u on u.username = g.username"
                + " where g.group_name = ? and u.enabled = true order by g.username", String.class, group);
    }

    /** Every group that has a member, with its enabled members (none when all of them are disabled). */
    public Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new TreeMap<>();
        jdbc.query("select g.group_name, g.username, u.enabled from staff_group g join staff_user u"
                + " on u.username = g.username order by g.group_name, g.username", rs -> {
                    List<String> members = groups.computeIfAbsent(rs.getString("group_name"), g -> new ArrayList<>());
                    if (rs.getBoolean("enabled")) {
                        members.add(rs.getString("username"));
                    }
                });
        return groups;
    }

    /** Enabled staff with a role, e.g. MANAGER, by user name. */
    public List<String> withRole(String role) {
        return jdbc.queryForList("select r.username from staff_role r join staff_user u on u.username = r.username"
                + " where r.role = ? and u.enabled = true order by r.username", String.class, role);
    }

    /** The mail address of each of these people that has one. */
    public Map<String, String> emailsOf(Collection<String> usernames) {
        Map<String, String> emails = new TreeMap<>();
        if (usernames.isEmpty()) {
            return emails;
        }
        String placeholders = String.join(", ", Collections.nCopies(usernames.size(), "?"));
        jdbc.query("select username, email from staff_user where email is not null and username in (" + placeholders + ")",
                rs -> {
                    emails.put(rs.getString("username"), rs.getString("email"));
                }, usernames.toArray());
        return emails;
    }

    public List<String> rolesOf(String username) {
        return jdbc.queryForList("select role from staff_role where username = ? order by role", String.class, username);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "select username, password_hash, enabled from staff_user where username = ?",
                (rs, n) -> {
                    String name = rs.getString("username");
                    List<GrantedAuthority> authorities = new ArrayList<>();
                    rolesOf(name).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
                    groupsOf(name).forEach(group -> authorities.add(new SimpleGrantedAuthority(group)));
                    return User.withUsername(name)
                            // One who signs on through a provider has no password here: an empty hash matches none.
                            .password(Objects.requireNonNullElse(rs.getString("password_hash"), ""))
                            .disabled(!rs.getBoolean("enabled"))
                            .authorities(authorities)
                            .build();
                },
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return found.get(0);
    }
}
