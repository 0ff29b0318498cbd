package io.turnaround.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The server as its own operating-system process on a PostgreSQL database (or the embedded H2 one), with the demo
 * staff and clients,
 * so that a test can kill it with SIGKILL (nothing in the JVM runs after that) or run two nodes side by side.
 * Its output goes to {@code target/nodes/<node>/server.log}; its transaction log to the same folder.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /**
     * A node lives for a test's minute or two: the JIT's first tier alone starts it about a fifth sooner, as it does
     * the test JVMs (pom.xml), and its code is fast enough for what the tests ask of it.
     */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private final String node;
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(String node, Process process, int port, Path log) {
        this.node = node;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node and waits until it reports healthy. */
    public static ServerProcess start(PostgresDatabase database, String node) {
        return start(database, node, new String[0]);
    }

    /** Starts a node with more Spring arguments ({@code --name=value}) and waits until it reports healthy. */
    public static ServerProcess start(PostgresDatabase database, String node, String... arguments) {
        return startWithDatabaseUrl(database, database.url(), node, arguments);
    }

    /** Starts a node on the database reached at another URL (e.g. through a {@link TcpProxy}). */
    public static ServerProcess startWithDatabaseUrl(PostgresDatabase database, String url, String node,
                                                     String... arguments) {
        return launch(node, Map.of("TURNAROUND_DB_URL", url, "TURNAROUND_DB_USER", database.user(),
                "TURNAROUND_DB_PASSWORD", ""), "postgres,demo", arguments);
    }

    /**
     * Starts a node as the README's first command does: the demo on the embedded H2 database, whose files are kept
     * in {@link #h2Directory(String) h2Directory(node)} (kept across restarts of the node).
     */
    public static ServerProcess startOnH2(String node, String... arguments) {
        return launch(node, Map.of(), "demo", arguments);
    }

    /** Where a node started with {@link #startOnH2} keeps its H2 database (file {@code turnaround.mv.db}). */
    public static Path h2Directory(String node) {
        return nodeDirectory(node);
    }

    private static ServerProcess launch(String node, Map<String, String> database, String profiles, String... arguments) {
        Path dir = nodeDirectory(node);
        Path log = dir.resolve("server.log");
        int port = freePort();
        try {
            Files.createDirectories(dir);
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), QUICK_START, "-Xmx512m",
                    "-Dorg.kie.persistence.postgresql.useBytea=true", "-DuseText=true",
                    "-cp", classpath, "io.turnaround.TurnaroundApplication",
                    "--spring.profiles.active=" + profiles,
                    "--server.port=" + port, "--jbpm.quartz.start-delay=1",
                    "--turnaround.policy.directory=" + Path.of("").toAbsolutePath()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("TURNAROUND_DB_"));
            builder.environment().putAll(database);
            builder.environment().put("TURNAROUND_NODE_ID", node);
            builder.environment().put("TURNAROUND_DATA_DIR", dir.toString());
            ServerProcess server = new ServerProcess(node, builder.start(), port, log);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start node " + node, e);
        }
    }

    private static Path nodeDirectory(String node) {
        return Path.of("target", "nodes", node).toAbsolutePath();
    }

    /** How a server that stopped by itself ended: its exit status and everything it printed. */
    public record Exit(int status, String output) {
    }

    /**
     * Runs the server's main class as a container runs the jar: settings from this environment only (none of the
     * machine's TURNAROUND_* or SPRING_* variables), no arguments. For starts that must stop by themselves.
     */
    public static Exit runUntilExit(String node, Map<String, String> environment, Duration timeout) {
        Path dir = nodeDirectory(node);
        Path log = dir.resolve("server.log");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(log);
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    QUICK_START, "-Xmx512m", "-cp", classpath, "io.turnaround.TurnaroundApplication")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("TURNAROUND_") || name.startsWith("SPRING_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("node " + node + " was still running after " + timeout + "; see " + log);
            }
            return new Exit(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException("could not run node " + node, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Api api() {
        return new Api(port);
    }

    /** SIGKILL: no shutdown hook, no transaction completion, no connection close. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, then waits for the JVM to end by itself (up to 60 s); returns its exit status. */
    public int terminate() {
        process.destroy();
        awaitExit();
        return process.exitValue();
    }

    public int port() {
        return port;
    }

    /** The names of the server's threads, numbers blanked, with how many bear each: for a failure's message. */
    public Map<String, Long> threadNames() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes());
            return new TreeMap<>(text.lines().filter(line -> line.startsWith("\""))
                    .map(line -> line.substring(1, line.indexOf('"', 1)).replaceAll("[0-9]+", "N"))
                    .collect(Collectors.groupingBy(name -> name, Collectors.counting())));
        } catch (IOException e) {
            throw new IllegalStateException("no thread dump of node " + node, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** A graceful stop (SIGTERM). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitHealthy() {
        HttpClient http = Http.CLIENT;
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + node + " exited while starting; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waits.sleep(Duration.ofMillis(500));
        }
        process.destroyForcibly();
        throw new IllegalStateException("node " + node + " was not healthy after " + START_TIMEOUT + "; see " + log);
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A port that is free now, chosen below the ephemeral range (Linux: 32768-60999): a port the kernel handed out
     * for listening is handed out again to outgoing connections (the nodes' own database connections), which
     * took one before the node could listen on it.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port found between 20000 and 32000");
    }
}
