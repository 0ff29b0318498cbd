package io.turnaround.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmarks sign in once with a password and then post with a one-day API token, as a mail gateway would. */
final class ApiTokens {

    private ApiTokens() {
    }

    static String issue(HttpClient http, String url, String user, String password, String name) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"validDays\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\":\"(tat_[^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("could not make an API token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }
}
