package io.turnaround.support;

import java.net.http.HttpClient;

/**
 * One HTTP client for the tests that need no session of their own. On Java 17 a client that nothing else holds can
 * be collected while its {@code send} waits for the answer, which closes its connections mid-response (the server
 * logs a broken pipe, the test reads "EOF reached while reading"; later Javas keep it reachable). A static one never
 * is; a client kept per session is held by {@link StaffPages#send} until its answer is read.
 */
public final class Http {

    public static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }
}
