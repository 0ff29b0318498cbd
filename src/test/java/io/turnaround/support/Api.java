package io.turnaround.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for the REST API as a staff member would call it: JSON, HTTP basic or an API token. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = Http.CLIENT;
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body, String text) {
    }

    /** The Authorization header of a demo user (password "demo"). */
    public static String basic(String user) {
        return user == null ? null : basic(user, "demo");
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public Response get(String user, String path) {
        return request("GET", basic(user), path, null);
    }

    public Response post(String user, String path, String json) {
        return request("POST", basic(user), path, json);
    }

    /** A PUT of a body that is not JSON, e.g. {@code text/calendar}. */
    public Response put(String user, String path, String body, String contentType) {
        return request("PUT", basic(user), path, body, contentType);
    }

    /** Any method, with the given Authorization header (null for none). */
    public Response request(String method, String authorization, String path, String json) {
        return request(method, authorization, path, json, "application/json");
    }

    /** A POST of bytes of any type, e.g. {@code application/zip} or a {@link Multipart} form. */
    public Response post(String user, String path, byte[] body, String contentType) {
        return send("POST", basic(user), path, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    /** A POST of bytes of any type with the given Authorization header, e.g. a mail as {@code message/rfc822}. */
    public Response postAs(String authorization, String path, byte[] body, String contentType) {
        return send("POST", authorization, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    private Response request(String method, String authorization, String path, String content, String contentType) {
        return send(method, authorization, path, content == null ? null : HttpRequest.BodyPublishers.ofString(content),
                contentType);
    }

    /** The body as JSON; none for an empty body or another kind (a BPMN file, a CSV). */
    private static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return null;
        }
    }

    private Response send(String method, String authorization, String path, HttpRequest.BodyPublisher content,
                          String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                content == null ? HttpRequest.BodyPublishers.noBody() : content);
        if (content != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(response.statusCode(), json(text), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
