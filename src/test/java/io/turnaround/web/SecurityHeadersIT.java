package io.turnaround.web;

import io.turnaround.quote.QuoteFixtures;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import io.turnaround.support.StaffPages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every chain (staff pages, the API, the API's description, the customer quote pages) sends the security headers, on
 * answers and refusals alike; Strict-Transport-Security only over HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:headers;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class SecurityHeadersIT extends ServerTestBase {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    MockMvc mvc;

    @Test
    void aStaffPageTheApiAndTheCustomerQuotePageCarryTheSecurityHeaders() {
        String quote = QuoteFixtures.sentQuoteLink(api, jdbc);

        HttpResponse<String> tasks = StaffPages.signIn(port, "alice").response("/tasks");
        HttpResponse<String> tickets = fetch("/api/tickets", Api.basic("alice"));
        HttpResponse<String> quotePage = fetch(quote, null);
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tickets.statusCode()).isEqualTo(200);
        assertThat(quotePage.statusCode()).isEqualTo(200);
        assertThat(quotePage.body()).contains("Accept");

        for (HttpResponse<String> response : List.of(tasks, tickets, quotePage, fetch("/login", null),
                fetch("/api/tickets", null), fetch("/quotes/x", null), fetch("/static/app.css", null),
                fetch("/v3/api-docs", Api.basic("alice")), fetch("/v3/api-docs", null))) {
            HttpHeaders headers = response.headers();
            String where = response.request().uri().getPath() + " (" + response.statusCode() + ")";
            assertThat(headers.firstValue("Content-Security-Policy")).as(where).hasValue(CSP);
            assertThat(headers.firstValue("X-Frame-Options")).as(where).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(where).hasValue("same-origin");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(where).hasValue("nosniff");
            assertThat(headers.firstValue("Strict-Transport-Security")).as(where + " over plain HTTP").isEmpty();
        }
    }

    @Test
    void strictTransportSecurityIsSentOverHttps() throws Exception {
        String quote = QuoteFixtures.sentQuoteLink(api, jdbc);
        for (MockHttpServletResponse response : List.of(
                mvc.perform(get("/login").secure(true)).andReturn().getResponse(),
                mvc.perform(get("/api/tickets").secure(true).header("Authorization", Api.basic("alice"))).andReturn().getResponse(),
                mvc.perform(get(quote).secure(true)).andReturn().getResponse())) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
            assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(CSP);
        }
    }

    private HttpResponse<String> fetch(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return StaffPages.send(http, request.build());
    }
}
