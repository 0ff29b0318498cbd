package io.turnaround.staff;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.turnaround.database.Timestamps.utc;

/**
 * Bearer tokens for programs that call the REST API. A token is 256 random bits, so a SHA-256 of it is enough
 * to store and to look it up by; checking one costs a hash and a query instead of a BCrypt round per request.
 */
@Service
public class ApiTokens {

    /** Tokens start with this, so a leaked one is easy to recognise in logs and secret scanners. */
    public static final String PREFIX = "tat_";

    private final JdbcTemplate jdbc;
    private final StaffDirectory staff;
    private final Clock clock;

    ApiTokens(JdbcTemplate jdbc, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.clock = clock;
    }

    public record ApiToken(long id, String username, String name, Instant createdAt, Instant expiresAt,
                           Instant revokedAt) {
    }

    /** A token just made: the secret is in here and nowhere else. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    public IssuedToken issue(String username, String name, Duration validFor) {
        String secret = PREFIX + Secrets.random256();
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement(
                    "insert into api_token (username, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)",
                    new String[] {"id"});
            s.setString(1, username);
            s.setString(2, name);
            s.setString(3, Secrets.sha256(secret));
            s.setObject(4, utc(now));
            s.setObject(5, utc(expires));
            return s;
        }, key);
        return new IssuedToken(new ApiToken(key.getKey().longValue(), username, name, now, expires, null), secret);
    }

    public List<ApiToken> of(String username) {
        return jdbc.query("select * from api_token where username = ? order by id", (rs, n) -> new ApiToken(
                rs.getLong("id"), rs.getString("username"), rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                        .orElse(null)), username);
    }

    /** Revokes one of the user's own tokens; false when they have no such token that is still live. */
    public boolean revoke(String username, long id) {
        return jdbc.update("update api_token set revoked_at = ? where id = ? and username = ? and revoked_at is null",
                utc(clock.instant()), id, username) == 1;
    }

    /** The enabled staff member a live token belongs to, or empty for an unknown, expired or revoked token. */
    public Optional<UserDetails> verify(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> owner = jdbc.queryForList("select username from api_token "
                + "where token_hash = ? and revoked_at is null and expires_at > ?",
                String.class, Secrets.sha256(secret), utc(clock.instant()));
        return owner.stream().findFirst().map(staff::loadUserByUsername).filter(UserDetails::isEnabled);
    }
}
