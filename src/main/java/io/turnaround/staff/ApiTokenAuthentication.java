package io.turnaround.staff;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.List;

/** A request signed in with an API token rather than a password: first as presented, then as verified. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String secret;
    private final UserDetails user;

    private ApiTokenAuthentication(String secret, UserDetails user) {
        super(user == null ? List.of() : user.getAuthorities());
        this.secret = secret;
        this.user = user;
        setAuthenticated(user != null);
    }

    public static ApiTokenAuthentication presented(String secret) {
        return new ApiTokenAuthentication(secret, null);
    }

    public static ApiTokenAuthentication verified(UserDetails user) {
        return new ApiTokenAuthentication(null, user);
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user == null ? "" : user.getUsername();
    }
}
