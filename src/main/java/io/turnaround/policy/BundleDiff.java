package io.turnaround.policy;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** What differs between two bundles, file by file, as unified diffs with three lines of context. */
public record BundleDiff(List<FileChange> files) {

    private static final int CONTEXT = 3;

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One line of a unified diff; a hunk's header ({@code @@ -12,7 +12,8 @@}) is a line too. */
    public record Line(LineKind kind, String text) {

        /** The line as a unified diff writes it: its marker, then its text. */
        public String unified() {
            return kind.marker + text;
        }
    }

    public enum LineKind {
        ADDED("+"), REMOVED("-"), CONTEXT(" "), HUNK("");

        private final String marker;

        LineKind(String marker) {
            this.marker = marker;
        }
    }

    public record FileChange(String path, Kind kind, int added, int removed, List<Line> lines) {
    }

    public static BundleDiff between(PolicyBundle from, PolicyBundle to) {
        SortedSet<String> paths = new TreeSet<>(from.files().keySet());
        paths.addAll(to.files().keySet());
        List<FileChange> files = new ArrayList<>();
        for (String path : paths) {
            String before = from.files().get(path);
            String after = to.files().get(path);
            if (!Objects.equals(before, after)) {
                files.add(file(path, before, after));
            }
        }
        return new BundleDiff(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    private static FileChange file(String path, String before, String after) {
        List<String> original = lines(before);
        Patch<String> patch = DiffUtils.diff(original, lines(after));
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(path, path, original, patch, CONTEXT);
        List<Line> lines = new ArrayList<>();
        int added = 0;
        int removed = 0;
        // The first two lines name the files (--- and +++); the path says it already.
        for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
            LineKind kind = line.startsWith("+") ? LineKind.ADDED : line.startsWith("-") ? LineKind.REMOVED
                    : line.startsWith("@@") ? LineKind.HUNK : LineKind.CONTEXT;
            switch (kind) {
                case ADDED -> added++;
                case REMOVED -> removed++;
                default -> {
                }
            }
            lines.add(new Line(kind, kind == LineKind.HUNK || line.isEmpty() ? line : line.substring(1)));
        }
        Kind kind = before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
        return new FileChange(path, kind, added, removed, lines);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r\n|\r|\n", -1));
    }
}
