package io.turnaround.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code turnaround.policy.*}: the folder holding rules/ and processes/, relative to the working directory, imported
 * when the database has no policy yet; with {@code import-changed-folder}, also whenever it differs from the active
 * version at start-up (for development). (A String, not a Path: Spring would resolve a Path against the web server's
 * document root.) {@code check-timeout} and {@code check-memory} bound each evaluation of an uploaded version's rules
 * (a scenario, a ticket of an impact preview): one that takes longer or allocates more is stopped.
 */
@ConfigurationProperties("turnaround.policy")
public record PolicySettings(String directory, boolean importChangedFolder,
                             @DefaultValue("10s") Duration checkTimeout, @DefaultValue("256MB") DataSize checkMemory) {

    /** The limits when nothing configures them: the command-line check. */
    public static final PolicyTimeLimit.Limits DEFAULT_LIMITS =
            new PolicyTimeLimit.Limits(Duration.ofSeconds(10), DataSize.ofMegabytes(256).toBytes());

    public PolicyTimeLimit.Limits limits() {
        return new PolicyTimeLimit.Limits(checkTimeout, checkMemory.toBytes());
    }

    public Path path() {
        return Path.of(directory == null || directory.isBlank() ? "." : directory);
    }

    boolean folderExists() {
        return Files.isDirectory(path().resolve("rules")) && Files.isDirectory(path().resolve("processes"));
    }
}
