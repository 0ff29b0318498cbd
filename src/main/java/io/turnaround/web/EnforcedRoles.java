package io.turnaround.web;

import io.turnaround.staff.StaffRole;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import javax.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call an endpoint, asked of the URL rules a chain really enforces: a request for the endpoint is put to the
 * chain's authorization as an anonymous caller and as one of each role. So what the API's description says about
 * roles is what the server does, and cannot drift from it.
 */
final class EnforcedRoles {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}:]+}");

    private final AuthorizationManager<HttpServletRequest> rules;
    private final HandlerMappingIntrospector mvc;

    private EnforcedRoles(AuthorizationManager<HttpServletRequest> rules, HandlerMappingIntrospector mvc) {
        this.rules = rules;
        this.mvc = mvc;
    }

    /** The rules of that chain (its {@code authorizeHttpRequests}). */
    static EnforcedRoles of(SecurityFilterChain chain, HandlerMappingIntrospector mvc) {
        return new EnforcedRoles(chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
                .map(f -> ((AuthorizationFilter) f).getAuthorizationManager()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the chain has no URL rules")), mvc);
    }

    /** Who passes the rules, and whether one who is not signed in does. */
    record Access(boolean anonymous, Set<StaffRole> roles) {
    }

    /**
     * Who passes the rules for this method and path template ({@code /api/tickets/{key}}), a request carrying a body of
     * that content type (null: none). The template's variables are filled with a value; the rules do not look at them.
     */
    Access of(String method, String template, String contentType) {
        if (template.contains("*") || template.contains(":")) {
            throw new IllegalArgumentException("a template of plain {variables} only: " + template);
        }
        String path = VARIABLE.matcher(template).replaceAll("1");
        if (!dispatched(ProbeRequest.of(method, path, contentType))) {
            // The rules let through every request no handler takes (a 404 for all); this one must meet its own rule.
            throw new IllegalStateException(method + " " + path + " reaches no handler, so no rule of its own");
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        Arrays.stream(StaffRole.values()).filter(role -> passes(method, path, contentType, as(role)))
                .forEach(roles::add);
        AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("probe", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        return new Access(passes(method, path, contentType, anonymous), roles);
    }

    private boolean dispatched(HttpServletRequest request) {
        try {
            return mvc.getMatchableHandlerMapping(request) != null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell which handler takes " + request, e);
        }
    }

    /** A fresh request each time: matchers leave what they found in its attributes. */
    private boolean passes(String method, String path, String contentType, Authentication who) {
        AuthorizationDecision decision = rules.check(() -> who, ProbeRequest.of(method, path, contentType));
        return decision != null && decision.isGranted();
    }

    private static Authentication as(StaffRole role) {
        return UsernamePasswordAuthenticationToken.authenticated("probe-" + role.name().toLowerCase(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + role.name()));
    }
}
