package io.turnaround.quote;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code turnaround.quotes.*}: where the links in quote mail point, and the key that signs them. When and how long a
 * quote waits is policy (processes/custom-quote.bpmn), not a setting.
 *
 * @param publicBaseUrl the address clients reach this server at, e.g. {@code https://support.example.com}
 * @param linkSecret    the HMAC key of the links (env {@code TURNAROUND_QUOTES_LINK_SECRET}), at least 32 characters;
 *                      when unset, one is made once and kept in the database, shared by every node
 */
@ConfigurationProperties("turnaround.quotes")
public record QuoteSettings(@DefaultValue("http://localhost:8080") String publicBaseUrl, String linkSecret) {

    static final int SHORTEST_SECRET = 32;

    public QuoteSettings {
        if (linkSecret != null && !linkSecret.isBlank() && linkSecret.strip().length() < SHORTEST_SECRET) {
            throw new IllegalArgumentException("turnaround.quotes.link-secret (TURNAROUND_QUOTES_LINK_SECRET) is "
                    + linkSecret.strip().length() + " characters long; use at least " + SHORTEST_SECRET
                    + " random ones, or leave it unset to have one kept in the database");
        }
        publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }
}
