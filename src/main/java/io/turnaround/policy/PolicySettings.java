package io.turnaround.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code turnaround.policy.*}: the folder holding rules/ and processes/, relative to the working directory.
 * (A String, not a Path: Spring would resolve a Path against the web server's document root.)
 */
@ConfigurationProperties("turnaround.policy")
public record PolicySettings(String directory) {

    public Path path() {
        return Path.of(directory == null || directory.isBlank() ? "." : directory);
    }
}
