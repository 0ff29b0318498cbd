package io.turnaround.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one policy: DRL under {@code rules/} and BPMN under {@code processes/}, keyed by
 * their path relative to the bundle root, e.g. {@code rules/sla.drl}.
 */
public record PolicyBundle(SortedMap<String, String> files) {

    private static final String[] FOLDERS = {"rules", "processes"};

    public PolicyBundle {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static PolicyBundle of(Map<String, String> files) {
        return new PolicyBundle(new TreeMap<>(files));
    }

    /** Reads the policy files under {@code root/rules} and {@code root/processes}. */
    public static PolicyBundle fromDirectory(Path root) {
        SortedMap<String, String> files = new TreeMap<>();
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("policy folder not found: " + dir.toAbsolutePath()
                        + " (set turnaround.policy.directory to the folder holding rules/ and processes/)");
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.filter(Files::isRegularFile)
                        .filter(PolicyBundle::isPolicyFile)
                        .forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PolicyBundle(files);
    }

    static boolean isPolicyFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".drl") || name.endsWith(".bpmn") || name.endsWith(".bpmn2");
    }

    /** SHA-256 over every path and content, so equal bundles have equal hashes whatever their origin. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, content) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
