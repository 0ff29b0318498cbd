package io.turnaround.staff;

import java.time.ZoneId;
import java.util.SortedSet;

/**
 * A person's account as admins see and change it; never the password.
 *
 * @param singleSignOn whether the person signs in through the single sign-on provider, which then keeps their roles
 *                     and groups
 */
public record StaffAccount(String username, String displayName, String email, SortedSet<StaffRole> roles,
                           SortedSet<String> groups, ZoneId timeZone, boolean enabled, boolean singleSignOn) {

    boolean isEnabledAdmin() {
        return enabled && roles.contains(StaffRole.ADMIN);
    }
}
