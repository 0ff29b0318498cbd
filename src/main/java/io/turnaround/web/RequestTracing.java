package io.turnaround.web;

import io.turnaround.tracing.Trace;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Every request gets a correlation id, the caller's {@code X-Request-Id} when it is a plain token of at most 64
 * characters or a new one, which the response returns and every log line of the request carries; once signed in, the
 * user too, and the ticket key from the path ({@code /api/tickets/{key}/...}) or from the intake that makes it.
 * First of all filters, so that even a refusal (a body too large, a wrong password) is traced.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTracing extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = Trace.idOrNew(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        try (Trace.Scope ignored = Trace.begin(id)) {
            chain.doFilter(request, response);
        }
    }

    /** Right after the security filters: who the request signed in as. */
    @Component
    @Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
    static class SignedInUser extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
                Trace.user(signedIn.getName());
            }
            chain.doFilter(request, response);
        }
    }

    @Configuration
    static class TicketFromPathConfiguration implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new TicketFromPath());
        }
    }

    /** The ticket a handler's path names ({@code {key}} of a ticket's URLs). */
    static final class TicketFromPath implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                    && variables.get("key") instanceof String key && request.getRequestURI().contains("/tickets/")) {
                Trace.ticket(key);
            }
            return true;
        }
    }
}
