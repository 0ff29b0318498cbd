package io.turnaround.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What open task lists cost a running server: it opens --lists event streams of task lists, signed in in turn as
 * each of --users, each from the moment its page was rendered, and reports the server's heap per open list (after a
 * full GC, through jcmd). Each list then behaves as the page does: on an event it fetches the task list page again,
 * at once and then at most every 2 s. After a warm-up it posts tickets (all to the support desk, alice's group) at
 * --rate per second for --seconds from a pool of senders, with no list open and then with the lists open, and
 * reports the rate reached, the server's CPU (from /proc) both ways, the pages fetched, and how long an event took to
 * reach the first user's first list after a ticket was answered (p50, p99). Run on the machine of the server:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.TaskListEventsBenchmark \
 *     -Dexec.args="--pid $(pgrep -f turnaround-0.1.0-SNAPSHOT.jar) --lists 200 --rate 20 --seconds 30 \
 *     --users alice,hana,sam,tess,andy"
 * </pre>
 */
public final class TaskListEventsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double CLOCK_TICKS = 100.0;
    private static final long THROTTLE_NANOS = 2_000_000_000L;
    /** Enough senders that the server's answers, not the senders, set the pace. */
    private static final int SENDERS = 16;
    private static final Pattern SSE_CONNECT = Pattern.compile("sse-connect=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.getOrDefault("url", "http://localhost:8080");
        long pid = Long.parseLong(o.get("pid"));
        int lists = Integer.parseInt(o.getOrDefault("lists", "200"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "20"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        List<HttpClient> pages = new ArrayList<>();
        for (String user : o.getOrDefault("users", "alice").split(",")) {
            HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            TaskListBenchmark.signIn(signedIn, url, user, o.getOrDefault("password", "demo"));
            pages.add(signedIn);
        }
        HttpClient api = HttpClient.newHttpClient();

        long heapBefore = heapAfterGc(api, url, pid);
        // One reader per list: each blocks on its stream.
        ExecutorService readers = Executors.newCachedThreadPool(task -> {
            Thread reader = new Thread(task);
            reader.setDaemon(true);
            return reader;
        });
        ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        AtomicLong fetched = new AtomicLong();
        List<Stream<String>> open = openLists(pages, url, lists, readers, new ConcurrentLinkedQueue<>(), fetched);
        long heapWith = heapAfterGc(api, url, pid);
        System.out.printf("%d open lists: heap %.1f MB -> %.1f MB, %.1f KB per list%n", lists, heapBefore / 1e6,
                heapWith / 1e6, (heapWith - heapBefore) / 1e3 / lists);
        open.forEach(Stream::close);

        Thread.sleep(3000);
        load(api, url, pid, rate, Math.max(10, seconds / 3), new ConcurrentLinkedQueue<>());
        Load without = load(api, url, pid, rate, seconds, new ConcurrentLinkedQueue<>());
        open = openLists(pages, url, lists, readers, arrivals, fetched);
        fetched.set(0);
        Load with = load(api, url, pid, rate, seconds, arrivals);
        open.forEach(Stream::close);
        System.out.printf("asked %.0f tickets/s for %d s; reached %.1f/s with no list open, %.1f/s with %d open%n",
                rate, seconds, without.ticketsPerSecond(), with.ticketsPerSecond(), lists);
        System.out.printf("server CPU %.1f%% of one core with no list open, %.1f%% with %d open, which fetched the page"
                + " %d times (%.1f a second)%n", without.cpuPercent(), with.cpuPercent(), lists, fetched.get(),
                fetched.get() / (with.tickets() / with.ticketsPerSecond()));
        System.out.printf("event after the ticket's answer, at the first user's first list: p50 %.0f ms, p99 %.0f ms"
                + " (%d events)%n", with.p50Ms(), with.p99Ms(), with.events());
    }

    private record Load(double cpuPercent, int tickets, double ticketsPerSecond, double p50Ms, double p99Ms,
                        int events) {
    }

    /**
     * Opens the lists' event streams; the first list notes when each event arrives. On an event a list fetches the
     * page again, as the page does: at once, then at most every 2 s.
     */
    private static List<Stream<String>> openLists(List<HttpClient> users, String url, int lists,
                                                  ExecutorService readers, ConcurrentLinkedQueue<Long> arrivals,
                                                  AtomicLong fetched) throws InterruptedException {
        ConcurrentLinkedQueue<Stream<String>> open = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < lists; i++) {
            boolean timed = i == 0;
            HttpClient pages = users.get(i % users.size());
            long[] lastFetch = {0};
            pages.sendAsync(HttpRequest.newBuilder(URI.create(url + eventsOfPage(pages, url)))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAcceptAsync(response -> {
                        open.add(response.body());
                        response.body().filter(line -> line.equals("event:tasks-changed")).forEach(line -> {
                            long now = System.nanoTime();
                            if (timed) {
                                arrivals.add(now);
                            }
                            if (now - lastFetch[0] > THROTTLE_NANOS) {
                                lastFetch[0] = now;
                                refetch(pages, url, fetched);
                            }
                        });
                    }, readers);
        }
        while (open.size() < lists) {
            Thread.sleep(100);
        }
        return new ArrayList<>(open);
    }

    /** The event stream a task list page connects to, with the moment it was rendered at, as a browser's does. */
    private static String eventsOfPage(HttpClient pages, String url) {
        try {
            String page = pages.send(HttpRequest.newBuilder(URI.create(url + "/tasks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher events = SSE_CONNECT.matcher(page);
            if (!events.find()) {
                throw new IllegalStateException("the task list page has no event stream: is the user signed in?");
            }
            return events.group(1).replace("&amp;", "&");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void refetch(HttpClient pages, String url, AtomicLong fetched) {
        try {
            pages.send(HttpRequest.newBuilder(URI.create(url + "/tasks")).build(), HttpResponse.BodyHandlers.discarding());
            fetched.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Posts tickets at the rate from a pool of senders, each at its own moment whatever the answers before it (an
     * open loop, as mail arrives), and reports the rate reached. An event's delay is from a ticket's answer to the
     * next event at the timed list.
     */
    private static Load load(HttpClient api, String url, long pid, double rate, int seconds,
                             ConcurrentLinkedQueue<Long> arrivals) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        for (long next = start; next < start + seconds * 1_000_000_000L; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            senders.execute(() -> {
                try {
                    HttpResponse<String> created = api.send(HttpRequest.newBuilder(URI.create(url + "/api/tickets"))
                            .header("Authorization", basic("intake", "demo"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"ops@goldcrest.example\","
                                    + "\"subject\":\"A question\",\"body\":\"How do we export?\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (created.statusCode() == 201) {
                        answered.add(System.nanoTime());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;
        double cpu = (cpuTicks(pid) - cpuBefore) / CLOCK_TICKS / (elapsed / 1e9) * 100;
        Thread.sleep(2000);
        List<Long> events = new ArrayList<>(arrivals);
        events.sort(Long::compare);
        List<Long> delays = new ArrayList<>();
        for (long at : answered) {
            events.stream().filter(e -> e >= at).findFirst().ifPresent(e -> delays.add(e - at));
        }
        delays.sort(Long::compare);
        return new Load(cpu, answered.size(), answered.size() / (elapsed / 1e9),
                delays.isEmpty() ? 0 : delays.get(delays.size() / 2) / 1e6,
                delays.isEmpty() ? 0 : delays.get((int) Math.ceil(delays.size() * 0.99) - 1) / 1e6, events.size());
    }

    /** The server's heap in use right after a full collection. */
    private static long heapAfterGc(HttpClient api, String url, long pid) throws Exception {
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").inheritIO().start().waitFor();
        HttpResponse<String> metric = api.send(HttpRequest.newBuilder(URI.create(url
                        + "/actuator/metrics/jvm.memory.used?tag=area:heap")).header("Authorization", basic("admin", "demo"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(metric.body()).at("/measurements/0/value").asLong();
    }

    /** User and system CPU of the process so far, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
