package io.turnaround.staff;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a staff password must be: long enough to resist guessing, and no longer than BCrypt reads. */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** BCrypt ignores every byte after the 72nd: a longer password would match others it does not equal. */
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    /** Why this password is refused, naming the rule; empty when it is fine. */
    public static Optional<String> refusal(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("a password may have at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        return Optional.empty();
    }
}
