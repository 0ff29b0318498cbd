package io.turnaround.startup;

import io.turnaround.support.ServerProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server with the Docker image's own environment (the ENV of docker/Dockerfile's last stage, its paths moved
 * here) and no database settings: it stops at start-up and names them, and never opens a database.
 */
class DockerImageWithoutDatabaseIT {

    private static final Pattern SETTING = Pattern.compile("([A-Z][A-Z0-9_]*)=(\"([^\"]*)\"|(\\S+))");

    @Test
    void theImageWithoutDatabaseSettingsStopsAndNamesThem() throws IOException {
        Map<String, String> environment = imageEnvironment();
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        environment.put("TURNAROUND_POLICY_DIR", Path.of("").toAbsolutePath().toString());
        environment.put("TURNAROUND_DATA_DIR", Path.of("target", "nodes", "image-without-database").toAbsolutePath().toString());

        ServerProcess.Exit exit = ServerProcess.runUntilExit("image-without-database", environment, Duration.ofSeconds(120));

        assertThat(exit.status()).as(exit.output()).isEqualTo(1);
        assertThat(exit.output()).contains("APPLICATION FAILED TO START")
                .contains("The postgres profile needs its database settings, and these are not set: TURNAROUND_DB_URL "
                        + "(spring.datasource.url), TURNAROUND_DB_USER (spring.datasource.username).")
                .contains("Set TURNAROUND_DB_URL (e.g. jdbc:postgresql://db.example:5432/turnaround)")
                .as("stopped before any database, and without a stack trace")
                .doesNotContain("Flyway").doesNotContain("jdbc:h2").doesNotContain("\tat ");
    }

    /** Every ENV of the image's last stage, continuation lines joined. */
    private static Map<String, String> imageEnvironment() throws IOException {
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile")).replace("\\\n", " ");
        String lastStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : lastStage.split("\n")) {
            if (line.startsWith("ENV ")) {
                Matcher setting = SETTING.matcher(line.substring(4));
                while (setting.find()) {
                    environment.put(setting.group(1), setting.group(3) != null ? setting.group(3) : setting.group(4));
                }
            }
        }
        return environment;
    }
}
