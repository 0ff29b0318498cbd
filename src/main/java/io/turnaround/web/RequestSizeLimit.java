package io.turnaround.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 * Refuses request bodies over 1 MiB before anything reads them (a ticket body is at most 64 KiB of text); a raw mail
 * message pushed by a gateway may be up to 32 MiB, as mail servers commonly accept, attachments included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;
    static final long MAX_MAIL_BYTES = 32L * 1024 * 1024;
    private static final String MAIL_PATH = "/api/inbound/email";

    private final ObjectMapper json;

    RequestSizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = MAIL_PATH.equals(request.getRequestURI()) ? MAX_MAIL_BYTES : MAX_BYTES;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(ApiErrors.PROBLEM_JSON.toString());
            json.writeValue(response.getOutputStream(), new Problem(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase(),
                    413, "request body is larger than " + limit + " bytes", List.of()));
            return;
        }
        chain.doFilter(request, response);
    }
}
