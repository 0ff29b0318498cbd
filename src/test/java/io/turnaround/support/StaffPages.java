package io.turnaround.support;

import java.io.IOException;
import java.lang.ref.Reference;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The staff pages as a signed-in person fetches them, without a browser: a session cookie and the forms' CSRF token. */
public final class StaffPages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String csrf;

    private StaffPages(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A visitor who has not signed in: a session for the forms' CSRF token, and nothing more. */
    public static StaffPages anonymous(int port) {
        return new StaffPages(port);
    }

    /** Signs a demo user in (password "demo"). */
    public static StaffPages signIn(int port, String user) {
        return signIn(port, user, "demo");
    }

    public static StaffPages signIn(int port, String user, String password) {
        return signIn(port, user, password, "");
    }

    /** Signs in as the form does, its script having filled in the browser's time zone. */
    public static StaffPages signIn(int port, String user, String password, String browserZone) {
        StaffPages pages = new StaffPages(port);
        pages.get("/login");
        HttpResponse<String> signedIn = pages.post("/login", "username=" + enc(user) + "&password=" + enc(password)
                + "&zone=" + enc(browserZone));
        if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in refused for " + user);
        }
        return pages;
    }

    /** The page's HTML; its forms' CSRF token is kept for the next post. */
    public String get(String path) {
        String html = send(HttpRequest.newBuilder(URI.create(base + path)).build()).body();
        Matcher token = CSRF.matcher(html);
        if (token.find()) {
            csrf = token.group(1);
        }
        return html;
    }

    /** A page's whole response, its headers too. */
    public HttpResponse<String> response(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).build());
    }

    /** An event stream of the pages (its lines as they come), as a browser's EventSource opens it. */
    public Stream<String> events(String path) {
        try {
            // The stream holds the client: it must not be collected while the lines are read (see Http).
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                    .build(), HttpResponse.BodyHandlers.ofLines()).body().onClose(() -> Reference.reachabilityFence(http));
        } catch (IOException e) {
            throw new IllegalStateException(path + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form as the page's button would; the response is not followed (a redirect stays a 302). */
    public HttpResponse<String> post(String path, String form) {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(csrf);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Sends a request with that client, its body read as text; a failure to reach the server fails the test. */
    public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Reference.reachabilityFence(http); // held until the answer is read (see Http)
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
