package io.turnaround.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Stands before sign-in: a password sign-in (HTTP basic on the API, the sign-in form on the pages) by a user name or
 * from an address that failed too often lately is refused with 429 and {@code Retry-After}, even with the right
 * password, before any password is checked. Everyone else passes untouched. The client address is the request's
 * remote address: behind a proxy, set {@code server.forward-headers-strategy} so that it is the client's.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    /** The request attribute telling the sign-in page how many minutes to wait. */
    static final String RETRY_MINUTES = "io.turnaround.web.signInRetryMinutes";

    private static final BasicAuthenticationConverter BASIC = new BasicAuthenticationConverter();

    private final SignInThrottle throttle;
    private final ObjectMapper json;
    private final boolean form;

    private SignInThrottleFilter(SignInThrottle throttle, ObjectMapper json, boolean form) {
        this.throttle = throttle;
        this.json = json;
        this.form = form;
    }

    /** For the API: HTTP basic; a refusal is a problem body. */
    static SignInThrottleFilter forBasic(SignInThrottle throttle, ObjectMapper json) {
        return new SignInThrottleFilter(throttle, json, false);
    }

    /** For the pages: the sign-in form's POST; a refusal is the sign-in page saying how long to wait. */
    static SignInThrottleFilter forSignInForm(SignInThrottle throttle) {
        return new SignInThrottleFilter(throttle, null, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = form ? formUser(request) : basicUser(request);
        Optional<Duration> wait = username == null ? Optional.empty()
                : throttle.retryAfter(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        long minutes = (seconds + 59) / 60;
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (form) {
            request.setAttribute(RETRY_MINUTES, minutes);
            request.getRequestDispatcher("/login").forward(new SignInPageRequest(request), response);
        } else {
            response.setContentType(ApiErrors.PROBLEM_JSON.toString());
            json.writeValue(response.getOutputStream(), new Problem(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(), 429,
                    "too many failed sign-ins for this user or from this address; try again in " + minutes
                            + (minutes == 1 ? " minute" : " minutes"), List.of()));
        }
    }

    private static String formUser(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
            return null;
        }
        String username = request.getParameter("username");
        return username == null ? "" : username;
    }

    /** The user name of an HTTP basic header; null without one, or with one so broken that sign-in refuses it anyway. */
    private static String basicUser(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken basic = BASIC.convert(request);
            return basic == null ? null : basic.getName();
        } catch (BadCredentialsException malformed) {
            return null;
        }
    }

    /** The refused sign-in shown as the sign-in page (a GET of it), with its status and the wait. */
    private static final class SignInPageRequest extends HttpServletRequestWrapper {
        SignInPageRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
