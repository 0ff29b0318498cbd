package io.turnaround.support;

import io.turnaround.TurnaroundApplication;
import io.turnaround.workflow.EnginePersistence;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.stream.Stream;

/** The whole server in the test's JVM, on a fresh PostgreSQL database with the demo data and a free port. */
public final class DemoServer {

    private DemoServer() {
    }

    /** Started, its engine's timers running at once, with any more settings given ({@code --name=value}). */
    public static ConfigurableApplicationContext startOnPostgres(String... settings) {
        EnginePersistence.configure();
        return new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.of(
                Stream.of(PostgresDatabase.create().springArgsWithDemoData()),
                Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1"), Stream.of(settings))
                .flatMap(s -> s).toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext server) {
        return ((ServletWebServerApplicationContext) server).getWebServer().getPort();
    }
}
