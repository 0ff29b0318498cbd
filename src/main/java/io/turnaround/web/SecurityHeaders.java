package io.turnaround.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The headers of every response (staff pages, the customer quote pages, the API): a Content-Security-Policy that
 * runs only this server's own script and style files (no inline script or style, no eval, no plugins; the Swagger
 * UI's page also takes {@code data:} images), no framing by any site, and the referrer sent only to this server.
 * Strict-Transport-Security is Spring Security's default, written on HTTPS requests only (a browser ignores it over
 * HTTP).
 */
final class SecurityHeaders {

    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** The one page springdoc's Swagger UI is: its other files are scripts, styles and images. */
    private static final RequestMatcher SWAGGER_UI_PAGE = new AntPathRequestMatcher("/swagger-ui/index.html");

    private SecurityHeaders() {
    }

    static void apply(HeadersConfigurer<HttpSecurity> headers) {
        apply(headers, List.of());
    }

    /**
     * The same, for pages whose forms may end at another site: the single sign-on button and the sign-out go on to the
     * provider, and a browser holds a form's redirects to {@code form-action} too.
     */
    static Customizer<HeadersConfigurer<HttpSecurity>> formsGoingOnTo(Collection<String> origins) {
        return headers -> apply(headers, origins);
    }

    /** The Content-Security-Policy, its forms allowed to go on to these origins besides this server. */
    static String policy(Collection<String> formTargets) {
        return policy(formTargets, "default-src 'self'");
    }

    /**
     * The policy of the Swagger UI's page alone: the same, but images may also be {@code data:} URLs, which its
     * stylesheet draws its icons with. Its scripts are files of this server, like the pages'.
     */
    static String swaggerUiPolicy(Collection<String> formTargets) {
        return policy(formTargets, "default-src 'self'; img-src 'self' data:");
    }

    private static String policy(Collection<String> formTargets, String sources) {
        String formAction = Stream.concat(Stream.of("'self'"), formTargets.stream()).collect(Collectors.joining(" "));
        return String.join("; ", sources, "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "base-uri 'none'", "form-action " + formAction, "frame-ancestors 'none'");
    }

    private static void apply(HeadersConfigurer<HttpSecurity> headers, Collection<String> formTargets) {
        String policy = policy(formTargets);
        String swaggerUi = swaggerUiPolicy(formTargets);
        headers.addHeaderWriter((request, response) -> response.setHeader(CONTENT_SECURITY_POLICY,
                        SWAGGER_UI_PAGE.matches(request) ? swaggerUi : policy))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}
