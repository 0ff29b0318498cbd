package io.turnaround.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code turnaround.policy.*}: the folder holding rules/ and processes/, relative to the working directory, imported
 * when the database has no policy yet; with {@code import-changed-folder}, also whenever it differs from the active
 * version at start-up (for development). (A String, not a Path: Spring would resolve a Path against the web server's
 * document root.)
 */
@ConfigurationProperties("turnaround.policy")
public record PolicySettings(String directory, boolean importChangedFolder) {

    public Path path() {
        return Path.of(directory == null || directory.isBlank() ? "." : directory);
    }

    boolean folderExists() {
        return Files.isDirectory(path().resolve("rules")) && Files.isDirectory(path().resolve("processes"));
    }
}
