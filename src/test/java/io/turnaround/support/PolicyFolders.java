package io.turnaround.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Policy folders for servers under test: a copy of the shipped rules/ and processes/ that an analyst then edits. */
public final class PolicyFolders {

    private PolicyFolders() {
    }

    /** A temporary copy of the shipped rules/ and processes/ folders. */
    public static Path copyOfShipped() {
        try {
            Path root = Files.createTempDirectory("turnaround-policy");
            copy(Path.of("rules"), root.resolve("rules"));
            copy(Path.of("processes"), root.resolve("processes"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in one policy file; the text must be there. */
    public static void edit(Path root, String file, String from, String to) {
        try {
            Path path = root.resolve(file);
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain: " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the test's own scenarios in place of the shipped ones: a policy edited for a test promises what the
     * test needs, and the server refuses a policy whose scenarios fail.
     */
    public static void replaceScenarios(Path root, String yaml) {
        try {
            Path scenarios = root.resolve("rules/scenarios");
            try (Stream<Path> shipped = Files.list(scenarios)) {
                for (Path file : (Iterable<Path>) shipped::iterator) {
                    Files.delete(file);
                }
            }
            Files.writeString(scenarios.resolve("test.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder's rules/ and processes/ as a zip, the way an admin uploads a bundle. */
    public static byte[] zip(Path root) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
