package io.turnaround.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * full GC, through jcmd). Each list then behaves as the page does: on an event it fetches its list part, saying
 * which rows it shows, and puts back the rows the answer keeps. After a warm-up it posts tickets (all to the support desk, alice's group) at
 * --rate per second for --seconds from a pool of senders, with no list open and then with the lists open, and
 * reports the rate reached, the server's CPU (from /proc) both ways, the list parts fetched, and how long an event took to
 * reach the first user's first list after a ticket was answered (p50, p99). With --queue N the desk claims and
 * completes the soonest due tasks beyond N meanwhile, so the lists' first pages change as people work. Run on the
 * machine of the server:
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
    /** Enough senders that the server's answers, not the senders, set the pace. */
    private static final int SENDERS = 16;
    private static final Pattern SSE_CONNECT = Pattern.compile("sse-connect=\"([^\"]+)\"");
    private static final Pattern LIST_PART = Pattern.compile("id=\"task-list\"[^>]* hx-get=\"([^\"]+)\"");
    /** A row the answer keeps (its id) or sends (id and version). */
    private static final Pattern ROW = Pattern.compile(
            "<tr data-kept data-task-id=\"(\\d+)\"|<tr data-task-id=\"(\\d+)\" data-version=\"([^\"]+)\"");

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
        int queue = Integer.parseInt(o.getOrDefault("queue", "0"));
        List<HttpClient> pages = new ArrayList<>();
        for (String user : o.getOrDefault("users", "alice").split(",")) {
            HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            TaskListBenchmark.signIn(signedIn, url, user, o.getOrDefault("password", "demo"));
            pages.add(signedIn);
        }
        HttpClient api = HttpClient.newHttpClient();
        // Programs post with API tokens (a password costs ~100 ms of BCrypt a request, which would be the benchmark).
        String intake = "Bearer " + ApiTokens.issue(api, url, "intake", "demo", "task list events benchmark");

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

        if (queue > 0) {
            workTheQueue(api, url, queue, "Bearer " + ApiTokens.issue(api, url, "alice", "demo", "the desk"));
        }
        Thread.sleep(3000);
        // As long as the measures: the server's compiler is done before the first one.
        load(api, intake, url, pid, rate, seconds, new ConcurrentLinkedQueue<>());
        Load without = load(api, intake, url, pid, rate, seconds, new ConcurrentLinkedQueue<>());
        open = openLists(pages, url, lists, readers, arrivals, fetched);
        fetched.set(0);
        Load with = load(api, intake, url, pid, rate, seconds, arrivals);
        open.forEach(Stream::close);
        System.out.printf("asked %.0f tickets/s for %d s; reached %.1f/s with no list open, %.1f/s with %d open%n",
                rate, seconds, without.ticketsPerSecond(), with.ticketsPerSecond(), lists);
        System.out.printf("server CPU %.1f%% of one core with no list open, %.1f%% with %d open, which fetched their list part"
                + " %d times (%.1f a second)%n", without.cpuPercent(), with.cpuPercent(), lists, fetched.get(),
                fetched.get() / (with.tickets() / with.ticketsPerSecond()));
        System.out.printf("the whole machine (server, database, this program) was %.0f%% busy with no list open, %.0f%%"
                + " with %d open%n", without.machinePercent(), with.machinePercent(), lists);
        System.out.printf("event after the ticket's answer, at the first user's first list: p50 %.0f ms, p99 %.0f ms"
                + " (%d events)%n", with.p50Ms(), with.p99Ms(), with.events());
    }

    private record Load(double cpuPercent, double machinePercent, int tickets, double ticketsPerSecond, double p50Ms,
                        double p99Ms, int events) {
    }

    /**
     * Opens the lists' event streams; the first list notes when each event arrives. On an event a list fetches its
     * list part as the page does: with the rows it shows and their versions, putting back the rows the answer keeps.
     */
    private static List<Stream<String>> openLists(List<HttpClient> users, String url, int lists,
                                                  ExecutorService readers, ConcurrentLinkedQueue<Long> arrivals,
                                                  AtomicLong fetched) throws InterruptedException {
        ConcurrentLinkedQueue<Stream<String>> open = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < lists; i++) {
            boolean timed = i == 0;
            HttpClient pages = users.get(i % users.size());
            OpenList list = OpenList.of(pages, url);
            pages.sendAsync(HttpRequest.newBuilder(URI.create(url + list.events))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAcceptAsync(response -> {
                        open.add(response.body());
                        response.body().filter(line -> line.equals("event:tasks-changed")).forEach(line -> {
                            if (timed) {
                                arrivals.add(System.nanoTime());
                            }
                            list.refresh(pages, url);
                            fetched.incrementAndGet();
                        });
                    }, readers);
        }
        while (open.size() < lists) {
            Thread.sleep(100);
        }
        return new ArrayList<>(open);
    }

    /** An open task list as the page keeps it: its event stream, its list part's address, the rows it shows. */
    private static final class OpenList {

        private final String events;
        private final String rows;
        private Map<String, String> shown = new LinkedHashMap<>();

        private OpenList(String events, String rows) {
            this.events = events;
            this.rows = rows;
        }

        /** The event stream and list part a task list page connects to, as a browser does. */
        static OpenList of(HttpClient pages, String url) {
            String page = get(pages, url + "/tasks");
            Matcher events = SSE_CONNECT.matcher(page);
            Matcher rows = LIST_PART.matcher(page);
            if (!events.find() || !rows.find()) {
                throw new IllegalStateException("the task list page has no event stream: is the user signed in?");
            }
            OpenList list = new OpenList(events.group(1).replace("&amp;", "&"), rows.group(1).replace("&amp;", "&"));
            list.take(page);
            return list;
        }

        void refresh(HttpClient pages, String url) {
            String shownRows = String.join(",", shown.entrySet().stream().map(row -> row.getKey() + "." + row.getValue()).toList());
            String answer = get(pages, url + rows + (rows.contains("?") ? "&" : "?") + "shown="
                    + URLEncoder.encode(shownRows, StandardCharsets.UTF_8));
            if (!take(answer)) {
                take(get(pages, url + rows));
            }
        }

        /** The rows of an answer, in order, kept ones from those shown; false when it keeps one not shown. */
        private boolean take(String answer) {
            Map<String, String> now = new LinkedHashMap<>();
            Matcher row = ROW.matcher(answer);
            while (row.find()) {
                String version = row.group(1) != null ? shown.get(row.group(1)) : row.group(3);
                if (version == null) {
                    return false;
                }
                now.put(row.group(1) != null ? row.group(1) : row.group(2), version);
            }
            shown = now;
            return true;
        }

        private static String get(HttpClient pages, String address) {
            try {
                HttpResponse<String> answer = pages.send(HttpRequest.newBuilder(URI.create(address)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(address + " answered " + answer.statusCode());
                }
                return answer.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * With --queue N, the support desk works its queue as a busy desk does: every 200 ms alice claims and completes
     * the soonest due tasks beyond N (at most 20 a round), so the queue stays near N and the lists' first pages
     * change, as they do when people work.
     */
    private static void workTheQueue(HttpClient api, String url, int queue, String alice) {
        Executors.newSingleThreadScheduledExecutor(task -> {
            Thread worker = new Thread(task, "desk");
            worker.setDaemon(true);
            return worker;
        }).scheduleWithFixedDelay(() -> {
            try {
                var open = JSON.readTree(send(api, alice, HttpRequest.newBuilder(URI.create(url
                        + "/api/tasks?group=support-desk&limit=1000"))).body());
                for (int i = 0; i < Math.min(20, open.size() - queue); i++) {
                    String task = url + "/api/tasks/" + open.get(i).get("id").asText();
                    send(api, alice, HttpRequest.newBuilder(URI.create(task + "/claim")).POST(HttpRequest.BodyPublishers.noBody()));
                    send(api, alice, HttpRequest.newBuilder(URI.create(task + "/complete")).POST(HttpRequest.BodyPublishers.noBody()));
                }
            } catch (Exception e) {
                System.err.println("the desk could not work its queue: " + e);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    private static HttpResponse<String> send(HttpClient api, String alice, HttpRequest.Builder request) throws Exception {
        return api.send(request.header("Authorization", alice).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts tickets at the rate from a pool of senders, each at its own moment whatever the answers before it (an
     * open loop, as mail arrives), and reports the rate reached. An event's delay is from a ticket's answer to the
     * next event at the timed list.
     */
    private static Load load(HttpClient api, String intake, String url, long pid, double rate, int seconds,
                             ConcurrentLinkedQueue<Long> arrivals) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
        long cpuBefore = TaskListBenchmark.cpuTicks(pid);
        long[] machineBefore = machineTicks();
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
                            .header("Authorization", intake)
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
        double cpu = (TaskListBenchmark.cpuTicks(pid) - cpuBefore) / CLOCK_TICKS / (elapsed / 1e9) * 100;
        long[] machineAfter = machineTicks();
        double machine = 100.0 * (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]);
        Thread.sleep(2000);
        List<Long> events = new ArrayList<>(arrivals);
        events.sort(Long::compare);
        List<Long> delays = new ArrayList<>();
        for (long at : answered) {
            events.stream().filter(e -> e >= at).findFirst().ifPresent(e -> delays.add(e - at));
        }
        delays.sort(Long::compare);
        return new Load(cpu, machine, answered.size(), answered.size() / (elapsed / 1e9),
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

    /** The machine's busy and total CPU ticks so far, over all its cores (the database and this program too). */
    private static long[] machineTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        long total = 0;
        for (int i = 1; i < Math.min(cpu.length, 9); i++) {
            total += Long.parseLong(cpu[i]);
        }
        return new long[] {total - idle, total};
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
