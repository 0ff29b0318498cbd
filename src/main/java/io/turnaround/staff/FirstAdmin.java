package io.turnaround.staff;

import io.turnaround.database.Timestamps;
import io.turnaround.startup.StartupRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The first administrator of a database that has none (README, "The first administrator"). As the server starts with
 * no enabled ADMIN, {@code TURNAROUND_ADMIN_USER} and {@code TURNAROUND_ADMIN_PASSWORD}, when set, become that admin.
 * Otherwise the log shows a one-time set-up link, valid for a day, where the first admin chooses a name and password
 * ({@link FirstAdminPage}). The link works once, and only while there is still no admin; each such start replaces it,
 * so the latest link in the log is the one that works.
 */
@Service
public class FirstAdmin {

    static final Duration LINK_VALID_FOR = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final JdbcTemplate jdbc;
    private final StaffDirectory directory;
    private final StaffAccounts accounts;
    private final TransactionTemplate transaction;
    private final FirstAdminSettings settings;
    private final Clock clock;

    FirstAdmin(JdbcTemplate jdbc, StaffDirectory directory, StaffAccounts accounts, TransactionTemplate transaction,
               FirstAdminSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.accounts = accounts;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void atStartup(ApplicationReadyEvent ready) {
        if (hasAdmin()) {
            return;
        }
        if (settings.given()) {
            createFromSettings();
            return;
        }
        String token = newLink();
        int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        log.warn("Turnaround has no administrator yet. Within {} hours, open http://localhost:{}/setup?token={}"
                        + " (or /setup?token={} at this server's address) to choose the first admin's name and"
                        + " password. The link works once; or restart with TURNAROUND_ADMIN_USER and"
                        + " TURNAROUND_ADMIN_PASSWORD set.", LINK_VALID_FOR.toHours(), port, token, token);
    }

    /** Whether an enabled administrator exists: then there is nothing to set up. */
    boolean hasAdmin() {
        return !directory.withRole("ADMIN").isEmpty();
    }

    /** Why this set-up link does not open the page (used, replaced, expired, or an admin exists); else empty. */
    Optional<String> linkRefusal(String token) {
        if (hasAdmin()) {
            return Optional.of("Turnaround has an administrator already: sign in, or ask an admin for an account.");
        }
        Optional<Link> link = jdbc.query("select expires_at, used_at from setup_token where token_hash = ?",
                (rs, n) -> new Link(Timestamps.instant(rs, "expires_at"), Timestamps.instant(rs, "used_at")),
                hashOf(token)).stream().findFirst();
        if (link.isEmpty()) {
            return Optional.of("This set-up link is not the latest: use the link in the server's most recent log.");
        }
        if (link.get().usedAt() != null) {
            return Optional.of("This set-up link has been used.");
        }
        if (!clock.instant().isBefore(link.get().expiresAt())) {
            return Optional.of("This set-up link has expired: restart the server for a new one.");
        }
        return Optional.empty();
    }

    /**
     * Creates the first admin from the set-up form and uses the link up, in one transaction. A name or password that
     * breaks a rule is an {@link InvalidStaffRequestException}, a name taken a {@link StaffConflictException}; a link
     * that no longer works, a {@link SetupLinkGoneException} with {@link #linkRefusal}'s reason.
     */
    void choose(String token, String username, String displayName, String password) {
        String name = username == null ? "" : username.trim();
        transaction.executeWithoutResult(status -> {
            Optional<String> refusal = linkRefusal(token);
            Instant now = clock.instant();
            boolean used = refusal.isEmpty() && jdbc.update("update setup_token set used_at = ?"
                    + " where token_hash = ? and used_at is null and expires_at > ?", Timestamps.utc(now),
                    hashOf(token), Timestamps.utc(now)) == 1;
            if (!used) {
                throw new SetupLinkGoneException(refusal.orElse("This set-up link has been used."));
            }
            accounts.create("set-up link", name, adminWith(displayName, password));
        });
        log.info("The first administrator, {}, was created from the set-up link", name);
    }

    private void createFromSettings() {
        if (FirstAdminSettings.isBlank(settings.user()) || FirstAdminSettings.isBlank(settings.password())) {
            throw new StartupRefusedException("Only one of TURNAROUND_ADMIN_USER and TURNAROUND_ADMIN_PASSWORD is set,"
                    + " and the database has no administrator.", "Set both to create the first admin, or neither to get"
                    + " a one-time set-up link in the log.");
        }
        String name = settings.user().trim();
        Optional<String> refusal = StaffNames.refusal(name).or(() -> Passwords.refusal(settings.password()));
        if (refusal.isPresent()) {
            throw new StartupRefusedException("TURNAROUND_ADMIN_USER or TURNAROUND_ADMIN_PASSWORD breaks a rule: "
                    + refusal.get() + ".", "Fix the variable and start again.");
        }
        if (accounts.find(name).isPresent()) {
            throw new StartupRefusedException("TURNAROUND_ADMIN_USER names " + name + ", an account that is not an"
                    + " enabled admin, and the database has no administrator.", "Choose a new user name for the first"
                    + " admin, or unset both variables to get a one-time set-up link in the log.");
        }
        accounts.create("TURNAROUND_ADMIN_USER", name, adminWith(null, settings.password()));
        log.info("The first administrator, {}, was created from TURNAROUND_ADMIN_USER; TURNAROUND_ADMIN_PASSWORD is not"
                + " read again and can be removed (an admin changes passwords through /api/staff)", name);
    }

    /** A new one-time link; the one before, if any, stops working. Returns the token; only its hash is stored. */
    private String newLink() {
        String token = Secrets.random256();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from setup_token");
            jdbc.update("insert into setup_token (token_hash, created_at, expires_at) values (?, ?, ?)",
                    hashOf(token), Timestamps.utc(now), Timestamps.utc(now.plus(LINK_VALID_FOR)));
        });
        return token;
    }

    private record Link(Instant expiresAt, Instant usedAt) {
    }

    private static StaffAccounts.Change adminWith(String displayName, String password) {
        return new StaffAccounts.Change(displayName, null, Set.of(StaffRole.ADMIN), null, null, true, password);
    }

    private static String hashOf(String token) {
        return Secrets.sha256(token == null ? "" : token);
    }
}
