package io.turnaround.staff;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an OpenID Connect sign-in into a member of staff (README, "Single sign-on"): Spring Security checks the ID
 * token, then the claims name the person and, through {@link SingleSignOnSettings}'s table, give their roles and
 * groups. The first sign-in makes the account. The session's authorities are the account's, as for a password
 * sign-in, and its name is the user name, so the history and the task list see the same person either way.
 */
@Service
public class SingleSignOnUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidc = new OidcUserService();
    private final SingleSignOnSettings settings;
    private final StaffAccounts accounts;
    private final StaffDirectory directory;

    SingleSignOnUsers(SingleSignOnSettings settings, StaffAccounts accounts, StaffDirectory directory) {
        this.settings = settings;
        this.accounts = accounts;
        this.directory = directory;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidc.loadUser(request);
        Map<String, Object> claims = user.getClaims();
        String provider = request.getClientRegistration().getClientName();
        Object named = claims.get(settings.usernameClaim());
        if (named == null || named.toString().isBlank()) {
            throw refused(provider + " sent no " + settings.usernameClaim() + " claim to name you by");
        }
        String username = named.toString().strip().toLowerCase(Locale.ROOT);
        Set<StaffRole> roles = settings.rolesOf(claims);
        if (roles.isEmpty()) {
            throw refused("you signed in at " + provider + " as " + username + ", but none of your roles there ("
                    + String.join(", ", SingleSignOnSettings.values(claims, settings.rolesClaim()))
                    + ") gives access to Turnaround: ask an administrator");
        }
        StaffAccount account;
        try {
            account = account(new SignedOnIdentity(user.getIssuer() + " " + user.getSubject(), username,
                    blankToNull(user.getFullName()), blankToNull(user.getEmail()),
                    Boolean.TRUE.equals(user.getEmailVerified()), roles, settings.groupsOf(claims)));
        } catch (StaffConflictException | InvalidStaffRequestException e) {
            throw refused(e.getMessage());
        }
        if (!account.enabled()) {
            throw refused("your Turnaround account " + account.username() + " is disabled: ask an administrator");
        }
        return new SignedOnStaff(account.username(), directory.loadUserByUsername(account.username()).getAuthorities(),
                user);
    }

    /**
     * The account of this identity. The same person signing in for the first time in two tabs at once makes it
     * twice: the second insert meets the first's user name, its transaction rolls back, and it looks again, in a
     * new one, and finds the account the first made.
     */
    StaffAccount account(SignedOnIdentity identity) {
        try {
            return accounts.signedOn(identity);
        } catch (DuplicateKeyException madeMeanwhile) {
            return accounts.signedOn(identity);
        }
    }

    private static OAuth2AuthenticationException refused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, reason, null), reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The provider's user under the staff member's name, with the staff member's authorities. */
    private static final class SignedOnStaff extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;
        private final String username;

        SignedOnStaff(String username, Collection<? extends GrantedAuthority> authorities, OidcUser user) {
            super(authorities, user.getIdToken(), user.getUserInfo());
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
