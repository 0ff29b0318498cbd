package io.turnaround.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.database.DatabaseFailures;
import io.turnaround.database.DatabaseProbe;
import io.turnaround.database.WebStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * While the database does not answer, every request but health and static files is answered at once with 503 and
 * {@code Retry-After}, before it can take a thread's time or a pooled connection (sign-in and API tokens need the
 * database too). Otherwise the request runs with the web statement timeout on its statements.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGate.class);

    private final DatabaseProbe database;
    private final ObjectMapper json;

    DatabaseGate(DatabaseProbe database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || path.startsWith("/static/") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!database.answering()) {
            refuse(request, response, database.retryAfterSeconds(), json);
            return;
        }
        WebStatements.begin();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Thrown before a controller (signing in, API tokens): ApiErrors never saw it.
            if (response.isCommitted() || !(DatabaseFailures.isDatabaseFailure(e) || !database.answering())) {
                throw e;
            }
            log.warn("Refused for want of the database: {}", e.toString());
            response.reset();
            refuse(request, response, database.retryAfterSeconds(), json);
        } finally {
            WebStatements.end();
        }
    }

    /** 503 with Retry-After: a page that tries again by itself for a browser, a problem body for anyone else. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds,
                       ObjectMapper json) throws IOException {
        if (PageProblem.wanted(request)) {
            PageProblem.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, PAGE_UNAVAILABLE, retryAfterSeconds);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setContentType(ApiErrors.PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), new Problem(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(), 503,
                UNAVAILABLE, List.of()));
    }

    static final String UNAVAILABLE = "the database does not answer; try again later";
    /** What a page says meanwhile. */
    static final String PAGE_UNAVAILABLE = "Turnaround cannot reach its database just now, so it can neither show nor"
            + " save anything. If you had just sent a form, look whether it was taken in before you send it again.";
}
