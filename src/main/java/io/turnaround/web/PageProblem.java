package io.turnaround.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * What a browser asking for a staff page gets, instead of a problem body, when the server cannot answer it (README,
 * "A stalled database"): a plain page that says why and, asked for with GET, tries again by itself after
 * {@code Retry-After}. It is written straight to the response, because the database gate answers before Spring MVC
 * and Spring Security run; so it carries the security headers itself.
 */
final class PageProblem {

    private PageProblem() {
    }

    /** Whether the request is a browser's for a page (not the API's, nor a script's such as htmx or EventSource). */
    static boolean wanted(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && request.getHeader("HX-Request") == null
                && !path.startsWith("/api/") && !path.startsWith("/actuator");
    }

    /** The page for this status, saying the message; with a retry, it reloads itself after that many seconds. */
    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
                      Long retryAfterSeconds) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.setHeader("Content-Security-Policy", SecurityHeaders.policy(List.of()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        String refresh = "";
        if (retryAfterSeconds != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            // A page asked for again reloads itself; a form's answer does not send the form again.
            if (HttpMethod.GET.matches(request.getMethod())) {
                refresh = "<meta http-equiv=\"refresh\" content=\"" + retryAfterSeconds + "\">";
            }
        }
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + refresh
                + "<title>Turnaround: " + status.getReasonPhrase() + "</title><link rel=\"stylesheet\" href=\""
                + HtmlUtils.htmlEscape(request.getContextPath()) + "/static/app.css\"></head>\n<body class=\"narrow\">"
                + "<h1>Turnaround</h1><p class=\"flash error\" role=\"alert\">" + HtmlUtils.htmlEscape(message)
                + "</p></body></html>\n");
    }
}
