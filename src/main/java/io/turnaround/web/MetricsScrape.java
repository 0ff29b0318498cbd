package io.turnaround.web;

import io.turnaround.database.MetricsSettings;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.servlet.util.matcher.MvcRequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import javax.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Prometheus signs in with the scrape token ({@code turnaround.metrics.scrape-token}, from the environment), which
 * opens {@code GET /actuator/prometheus} and nothing else: a scraper needs no staff account, and a leaked scrape token
 * shows counts, never a ticket. Without a token set, only admins read the metrics.
 */
@Component
class MetricsScrape {

    static final String ROLE = "METRICS";
    static final String PATH = "/actuator/prometheus";

    private final byte[] token;
    private final MvcRequestMatcher prometheus;

    MetricsScrape(MetricsSettings settings, HandlerMappingIntrospector mvc) {
        this.token = settings.scrapeToken() == null || settings.scrapeToken().isBlank() ? null
                : settings.scrapeToken().strip().getBytes(StandardCharsets.UTF_8);
        this.prometheus = new MvcRequestMatcher(mvc, PATH);
        this.prometheus.setMethod(HttpMethod.GET);
    }

    /** The scraper, when this request is the metrics' and presents the scrape token; otherwise null. */
    Authentication signIn(HttpServletRequest request, String bearer) {
        if (token == null || !prometheus.matches(request)
                || !MessageDigest.isEqual(token, bearer.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }
}
