package io.turnaround.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.ZoneId;
import java.util.SortedSet;

/**
 * A person's account as admins see and change it; never the password.
 *
 * @param singleSignOn whether the person signs in through the single sign-on provider, which then keeps their roles
 *                     and groups
 */
public record StaffAccount(@Schema(example = "alex") String username,
                           @Schema(example = "Alex Agent") String displayName,
                           @Schema(example = "alex@example.com") String email,
                           @Schema(example = "[\"AGENT\"]") SortedSet<StaffRole> roles,
                           @Schema(example = "[\"support-desk\"]") SortedSet<String> groups,
                           @Schema(example = "America/Los_Angeles") ZoneId timeZone, boolean enabled,
                           boolean singleSignOn) {

    boolean isEnabledAdmin() {
        return enabled && roles.contains(StaffRole.ADMIN);
    }
}
