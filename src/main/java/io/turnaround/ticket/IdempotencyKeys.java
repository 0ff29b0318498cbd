package io.turnaround.ticket;

import io.turnaround.database.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/**
 * The table {@code intake_idempotency_key}: each caller's keys, the fingerprint of the request that came with each
 * and the ticket it made. A key is claimed (inserted) before its ticket is made and given the ticket in the same
 * transaction; a second claim of the same key waits for the first transaction and then fails on the primary key.
 */
@Repository
class IdempotencyKeys {

    /** A remembered key: its request's fingerprint, its ticket and the notice its answer carried. */
    record Stored(String fingerprint, long ticketId, String notice, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(IdempotencyKey key) {
        return jdbc.query("select request_hash, ticket_id, notice, created_at from intake_idempotency_key"
                        + " where caller = ? and idempotency_key = ? and ticket_id is not null",
                (rs, n) -> new Stored(rs.getString("request_hash").strip(), rs.getLong("ticket_id"), rs.getString("notice"),
                        Timestamps.instant(rs, "created_at")),
                key.caller(), key.value()).stream().findFirst();
    }

    /** Inserts the key; a {@code DuplicateKeyException} if the caller's key is taken (once its claimer committed). */
    void claim(IdempotencyKey key, String fingerprint, Instant now) {
        jdbc.update("insert into intake_idempotency_key (caller, idempotency_key, request_hash, created_at)"
                + " values (?, ?, ?, ?)", key.caller(), key.value(), fingerprint, Timestamps.utc(now));
    }

    /** The claimed key made this ticket; called in the transaction that claimed it. */
    void madeTicket(IdempotencyKey key, long ticketId, String notice) {
        jdbc.update("update intake_idempotency_key set ticket_id = ?, notice = ? where caller = ? and idempotency_key = ?",
                ticketId, notice, key.caller(), key.value());
    }

    /** Forgets the key if it was stored before {@code before} (it has outlived its retention). */
    void forgetIfOlder(IdempotencyKey key, Instant before) {
        jdbc.update("delete from intake_idempotency_key where caller = ? and idempotency_key = ? and created_at < ?",
                key.caller(), key.value(), Timestamps.utc(before));
    }

    /** Deletes every key stored before {@code before}; returns how many. */
    int deleteOlderThan(Instant before) {
        return jdbc.update("delete from intake_idempotency_key where created_at < ?", Timestamps.utc(before));
    }
}
