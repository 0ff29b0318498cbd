package io.turnaround.staff;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a user name may be: what people type at sign-in and what the history shows as the actor. */
public final class StaffNames {

    /** The staff pages and the API have /staff/audit, so nobody may be called audit. */
    private static final String RESERVED = "audit";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

    private StaffNames() {
    }

    /** Why this user name is refused; empty when it is fine. */
    public static Optional<String> refusal(String username) {
        if (username == null || !NAME.matcher(username).matches()) {
            return Optional.of("a user name has 1 to 100 characters: lower-case letters, digits and . _ @ -,"
                    + " starting with a letter or digit");
        }
        if (username.equals(RESERVED)) {
            return Optional.of("the user name " + RESERVED + " is reserved: the staff audit has that address");
        }
        return Optional.empty();
    }
}
