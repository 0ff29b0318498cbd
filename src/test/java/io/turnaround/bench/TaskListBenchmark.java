package io.turnaround.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the task list page of a running server as a signed-in user sees it (form sign-in, session cookie): for each
 * view it fetches the page --requests times after a warm-up and prints the open-task count, p50 and p99 in ms, and
 * with --pid the server's CPU per request (from /proc, so on the server's machine).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.TaskListBenchmark \
 *     -Dexec.args="--url http://localhost:8080 --user maria --requests 200 --pid $(pgrep -f turnaround-0.1.0-SNAPSHOT.jar)"
 * </pre>
 */
public final class TaskListBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern ROW_VERSION = Pattern.compile("data-task-id=\"(\\d+)\" data-version=\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("<span>(\\d+)</span> open task");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.getOrDefault("url", "http://localhost:8080");
        int requests = Integer.parseInt(o.getOrDefault("requests", "200"));
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        signIn(http, url, o.getOrDefault("user", "maria"), o.getOrDefault("password", "demo"));

        Map<String, String> views = new LinkedHashMap<>();
        views.put("every open task, page 1", "/tasks");
        views.put("every open task, page 40", "/tasks?page=39");
        views.put("GOLD only", "/tasks?tier=GOLD");
        views.put("support-desk, ready", "/tasks?group=support-desk&state=READY");
        // What an open list fetches when told of a change: the list part, first with every row, then with every row
        // already shown (nothing changed, as for most events).
        views.put("list part, every row", "/tasks/list");
        views.put("list part, no row changed", "/tasks/list?shown=" + shownRows(http, url));
        // With --pid (the server's, on this machine) it also reads the server's CPU per request from /proc.
        long pid = Long.parseLong(o.getOrDefault("pid", "0"));
        System.out.printf("%-28s %-12s %-10s %-10s %s%n", "view", "open tasks", "p50 ms", "p99 ms",
                pid > 0 ? "server CPU ms" : "");
        for (Map.Entry<String, String> view : views.entrySet()) {
            String total = "?";
            for (int i = 0; i < 20; i++) {
                total = fetch(http, url + view.getValue()).total;
            }
            long[] nanos = new long[requests];
            long cpuBefore = pid > 0 ? cpuTicks(pid) : 0;
            for (int i = 0; i < requests; i++) {
                nanos[i] = fetch(http, url + view.getValue()).nanos;
            }
            String cpu = pid > 0 ? String.format("%.2f", (cpuTicks(pid) - cpuBefore) * 10.0 / requests) : "";
            Arrays.sort(nanos);
            System.out.printf("%-28s %-12s %-10.1f %-10.1f %s%n", view.getKey(), total, nanos[requests / 2] / 1e6,
                    nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6, cpu);
        }
    }

    /** User and system CPU of a process so far, in clock ticks (10 ms each). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The rows the list part shows with their versions, as the page sends them back. */
    private static String shownRows(HttpClient http, String url) throws Exception {
        String list = http.send(HttpRequest.newBuilder(URI.create(url + "/tasks/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher row = ROW_VERSION.matcher(list);
        StringBuilder shown = new StringBuilder();
        while (row.find()) {
            shown.append(shown.isEmpty() ? "" : ",").append(row.group(1)).append('.').append(row.group(2));
        }
        return URLEncoder.encode(shown.toString(), StandardCharsets.UTF_8);
    }

    private record Fetched(long nanos, String total) {
    }

    private static Fetched fetch(HttpClient http, String url) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - t0;
        if (page.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + page.statusCode());
        }
        Matcher total = TOTAL.matcher(page.body());
        return new Fetched(took, total.find() ? total.group(1) : "?");
    }

    /** Signs in with the form, as a browser does; the client's cookie handler keeps the session. */
    static void signIn(HttpClient http, String url, String user, String password) throws Exception {
        String form = http.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form at " + url + "/login");
        }
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (location.contains("error")) {
            throw new IllegalStateException("sign-in refused for " + user);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
