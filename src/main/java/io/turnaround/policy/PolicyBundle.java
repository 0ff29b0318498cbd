package io.turnaround.policy;

import io.turnaround.sla.CalendarFileException;
import io.turnaround.sla.CalendarFiles;
import io.turnaround.sla.NamedCalendars;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of one policy: DRL, calendars, scenarios and mail templates under {@code rules/} and BPMN under
 * {@code processes/}, keyed by their path relative to the bundle root, e.g. {@code rules/sla.drl},
 * {@code rules/calendars/pacific-office.calendar}, {@code rules/scenarios/gold.yaml}, {@code rules/mail/acknowledgement.txt}.
 */
public record PolicyBundle(SortedMap<String, String> files) {

    private static final String[] FOLDERS = {"rules", "processes"};
    static final String SCENARIOS = "rules/scenarios/";

    public PolicyBundle {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static PolicyBundle of(Map<String, String> files) {
        return new PolicyBundle(new TreeMap<>(files));
    }

    /**
     * This bundle with some files added or replaced and others removed: single files uploaded on top of a version.
     * Throws {@link InvalidPolicyUploadException} for a path that is no policy file or a removal of a missing one.
     */
    public PolicyBundle with(Map<String, String> changed, Collection<String> removed) {
        SortedMap<String, String> result = new TreeMap<>(files);
        for (String path : removed) {
            if (result.remove(path) == null) {
                throw new InvalidPolicyUploadException("cannot remove " + path + ": the version has no such file");
            }
        }
        changed.forEach((path, content) -> result.put(requirePolicyFile(path), content));
        return new PolicyBundle(result);
    }

    /**
     * Refuses, with {@link InvalidPolicyUploadException}, a text that could not be uploaded as this file: a path that is
     * no policy file, or more than an uploaded file's limit.
     */
    public static void requireFile(String path, String content) {
        requirePolicyFile(path);
        if (content.getBytes(StandardCharsets.UTF_8).length > BundleArchive.MAX_FILE_BYTES) {
            throw new InvalidPolicyUploadException(path + " is larger than " + BundleArchive.MAX_FILE_BYTES
                    + " bytes, the most a policy file may have");
        }
    }

    /** The path, if it is one of a bundle's files; otherwise {@link InvalidPolicyUploadException} says which are. */
    public static String requirePolicyFile(String path) {
        if (!isPolicyFile(path)) {
            throw new InvalidPolicyUploadException(path + " is not a policy file: rules/*.drl, processes/*.bpmn,"
                    + " rules/calendars/*.calendar or *.ics, rules/scenarios/*.yaml, rules/mail/*.txt");
        }
        return path;
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
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(PolicyBundle::isPolicyFile)
                        .forEach(path -> files.put(path, read(root.resolve(path))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PolicyBundle(files);
    }

    /** Whether a path relative to the bundle root is one of its files; anything else (a README, say) is not. */
    static boolean isPolicyFile(String path) {
        return isPlainPath(path) && (isEngineFile(path) || CalendarFiles.isCalendarFile(path) || isScenarioFile(path)
                || MailTemplates.isTemplateFile(path));
    }

    /**
     * A path inside {@code rules/} or {@code processes/} that means what it says: no {@code ..}, no empty or
     * {@code .} segment, no backslash or control character. A downloaded bundle unpacks where it should.
     */
    private static boolean isPlainPath(String path) {
        if (!Arrays.stream(FOLDERS).anyMatch(folder -> path.startsWith(folder + "/")) || path.contains("\\")) {
            return false;
        }
        return Arrays.stream(path.split("/", -1)).noneMatch(segment -> segment.isEmpty() || segment.equals(".")
                || segment.equals("..") || segment.chars().anyMatch(Character::isISOControl));
    }

    /** The analysts' scenarios: tickets and the decisions the policy must make for them. */
    public static boolean isScenarioFile(String path) {
        return path.startsWith(SCENARIOS) && (path.endsWith(".yaml") || path.endsWith(".yml"));
    }

    /** The files the rules and process engine compile; calendar files are read by {@link #calendars()} instead. */
    static boolean isEngineFile(String path) {
        return path.endsWith(".drl") || path.endsWith(".bpmn") || path.endsWith(".bpmn2");
    }

    /**
     * The named calendars of {@code rules/calendars/}, recurring holidays expanded around today (UTC).
     * Throws {@link PolicyCompilationException} naming each bad file and line.
     */
    public NamedCalendars calendars() {
        return calendars(LocalDate.now(ZoneOffset.UTC));
    }

    /** The named calendars, recurring holidays expanded around {@code today}. */
    public NamedCalendars calendars(LocalDate today) {
        try {
            return CalendarFiles.parse(files, today);
        } catch (CalendarFileException e) {
            throw new PolicyCompilationException(e.problems().stream()
                    .map(p -> new PolicyProblem(p.file(), p.line(), p.message()))
                    .collect(Collectors.toList()));
        }
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
