package io.turnaround.quote;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links in quote mail: {@code /quotes/<quote id>.<expiry, epoch seconds>.<HMAC-SHA256 of both>}. Whoever holds
 * the link may answer that one quote until it expires; a link that was changed, or made with another key, is refused.
 */
@Component
class QuoteLinks {

    private static final String HMAC = "HmacSHA256";
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final QuoteSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] key;

    QuoteLinks(QuoteSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a valid token says: the quote, and until when the link works. */
    record Link(long quoteId, Instant expiresAt) {

        boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    String token(long quoteId, Instant expiresAt) {
        String payload = quoteId + "." + expiresAt.getEpochSecond();
        return payload + "." + BASE64.encodeToString(sign(payload));
    }

    String url(long quoteId, Instant expiresAt) {
        return settings.publicBaseUrl() + "/quotes/" + token(quoteId, expiresAt);
    }

    /** The link, if the token is one this server made and nobody changed; its expiry is for the caller to check. */
    Optional<Link> verify(String token) {
        Matcher m = TOKEN.matcher(token == null ? "" : token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String payload = m.group(1) + "." + m.group(2);
        byte[] presented = Base64.getUrlDecoder().decode(m.group(3));
        if (!MessageDigest.isEqual(presented, sign(payload))) {
            return Optional.empty();
        }
        return Optional.of(new Link(Long.parseLong(m.group(1)), Instant.ofEpochSecond(Long.parseLong(m.group(2)))));
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key(), HMAC));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            String configured = settings.linkSecret();
            known = configured != null && !configured.isBlank() ? configured.strip().getBytes(StandardCharsets.UTF_8)
                    : Base64.getUrlDecoder().decode(storedSecret());
            key = known;
        }
        return known;
    }

    /**
     * The key kept in the database, made by the first node that needs one. It is written in a transaction of its own,
     * committed at once, so that a quote whose transaction rolls back does not take the key every node uses with it.
     */
    private String storedSecret() {
        String stored = readSecret();
        if (stored != null) {
            return stored;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update("insert into quote_link_key (id, secret, created_at)"
                    + " values (1, ?, ?)", BASE64.encodeToString(fresh), OffsetDateTime.now(ZoneOffset.UTC)));
        } catch (DuplicateKeyException madeByAnotherNode) {
            // theirs is read below
        }
        return readSecret();
    }

    private String readSecret() {
        return ownTransaction.execute(status -> jdbc.queryForList("select secret from quote_link_key where id = 1",
                String.class).stream().findFirst().orElse(null));
    }
}
