package io.turnaround.web;

import io.turnaround.support.Api;
import io.turnaround.support.StaffPages;
import io.turnaround.web.AccessTable.Role;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone calling the real server: a demo user (HTTP basic on the API; signed in once, with a session and its CSRF
 * token, on the pages) or an anonymous visitor (no credentials; a session with a CSRF token, as a browser has).
 */
final class Caller {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** One client for every API call: the API keeps no session, each call carries its credentials. */
    private static final HttpClient API = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String name;
    final Role role;
    private final String base;
    private final HttpClient pages = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).build();
    private String csrf;

    private Caller(int port, String name, Role role) {
        this.base = "http://localhost:" + port;
        this.name = name;
        this.role = role;
    }

    static Caller anonymous(int port) {
        Caller caller = new Caller(port, "anonymous", Role.ANONYMOUS);
        caller.readToken();
        return caller;
    }

    /** A demo user (password "demo"), signed in to the pages. */
    static Caller signedIn(int port, String user, Role role) {
        Caller caller = new Caller(port, user, role);
        caller.readToken();
        HttpResponse<String> signIn = caller.send(caller.pages, HttpRequest.newBuilder(URI.create(caller.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + caller.csrf)));
        if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in refused for " + user + ": " + signIn.statusCode());
        }
        caller.readToken(); // signing in issues a new CSRF token
        return caller;
    }

    record Answer(int status, String location, String body) {
    }

    /** A request as this caller; {@code api} picks HTTP basic over the page session. Redirects are not followed. */
    Answer send(boolean api, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (api && role != Role.ANONYMOUS) {
            request.header("Authorization", Api.basic(name));
        }
        if (!api) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        HttpResponse<String> response = send(api ? API : pages, request);
        return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body() == null ? "" : response.body());
    }

    private void readToken() {
        String html = send(pages, HttpRequest.newBuilder(URI.create(base + "/login"))).body();
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        csrf = token.group(1);
    }

    private HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        return StaffPages.send(http, request.build());
    }

    @Override
    public String toString() {
        return name + " (" + role + ")";
    }
}
