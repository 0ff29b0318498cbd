package io.turnaround.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A policy bundle as a zip archive: {@code rules/...} and {@code processes/...} at its root, or inside one top folder
 * (as a repository download has them). Other files, a README say, are left out and named.
 */
final class BundleArchive {

    /** A policy file is stored as text of at most this many bytes. */
    static final int MAX_FILE_BYTES = 1024 * 1024;
    /** Unpacked, a bundle may not exceed this: the shipped one is about 100 KiB. */
    static final int MAX_BUNDLE_BYTES = 8 * 1024 * 1024;
    private static final int MAX_ENTRIES = 1000;

    /** The bundle read from a zip, and the entries that were not policy files. */
    record Unpacked(PolicyBundle bundle, List<String> ignored) {
    }

    private BundleArchive() {
    }

    static Unpacked read(byte[] zip) {
        Map<String, byte[]> entries = entries(zip);
        String prefix = commonTopFolder(entries.keySet());
        Map<String, String> files = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        entries.forEach((name, bytes) -> {
            String path = name.substring(prefix.length());
            if (PolicyBundle.isPolicyFile(path)) {
                files.put(path, text(path, bytes));
            } else {
                ignored.add(name);
            }
        });
        if (files.keySet().stream().noneMatch(PolicyBundle::isEngineFile)) {
            throw new InvalidPolicyUploadException("the zip holds no rules/*.drl or processes/*.bpmn file"
                    + (entries.isEmpty() ? "" : "; it holds " + String.join(", ", entries.keySet())));
        }
        return new Unpacked(PolicyBundle.of(files), ignored);
    }

    /** The bundle as a zip whose root holds rules/ and processes/. */
    static byte[] write(PolicyBundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : bundle.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A policy file's text; it must be UTF-8 and at most {@link #MAX_FILE_BYTES}. */
    static String text(String path, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidPolicyUploadException(path + " is larger than " + MAX_FILE_BYTES + " bytes, the most a policy"
                    + " file may have");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPolicyUploadException(path + " is not UTF-8 text; save it as UTF-8 and upload again");
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || List.of(name.split("/")).contains("..")) {
                    throw new InvalidPolicyUploadException("the zip entry '" + name + "' points outside the bundle");
                }
                if (entries.size() == MAX_ENTRIES) {
                    throw new InvalidPolicyUploadException("the zip has more than " + MAX_ENTRIES + " files");
                }
                // One byte past the limit is enough to refuse the file by name.
                byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                total += bytes.length;
                if (total > MAX_BUNDLE_BYTES) {
                    throw new InvalidPolicyUploadException("the zip unpacks to more than " + MAX_BUNDLE_BYTES + " bytes");
                }
                entries.put(name, bytes);
            }
        } catch (ZipException e) {
            throw new InvalidPolicyUploadException("the upload is not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.isEmpty()) {
            throw new InvalidPolicyUploadException("the upload is not a zip archive, or an empty one: send a zip holding"
                    + " rules/ and processes/");
        }
        return entries;
    }

    /** "bundle-main/" when every entry sits in that one folder and none is at rules/ or processes/ directly. */
    private static String commonTopFolder(Iterable<String> names) {
        String top = null;
        for (String name : names) {
            if (name.startsWith("rules/") || name.startsWith("processes/")) {
                return "";
            }
            int slash = name.indexOf('/');
            String folder = slash < 0 ? "" : name.substring(0, slash + 1);
            if (top == null) {
                top = folder;
            } else if (!top.equals(folder)) {
                return "";
            }
        }
        return top == null ? "" : top;
    }
}
