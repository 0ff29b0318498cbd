package io.turnaround.staff;

import java.util.Set;

/**
 * Who the single sign-on provider says signed in, with the roles and groups its claims map to.
 *
 * @param subject the provider's issuer and the person's subject there: the identifier that never changes
 * @param email   null when the provider sends none; it links an existing account only when {@code emailVerified}
 */
public record SignedOnIdentity(String subject, String username, String displayName, String email,
                               boolean emailVerified, Set<StaffRole> roles, Set<String> groups) {
}
