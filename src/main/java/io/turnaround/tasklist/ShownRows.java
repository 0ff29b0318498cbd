package io.turnaround.tasklist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows an open task list already shows, so that a refresh sends only the rows that changed. Each row is rendered
 * with a version: a digest of everything its rendering reads (the task and its ticket, the people it can be handed
 * to, the page it returns to, the viewer's zone). The browser sends back the versions it shows; a row whose version
 * is the same comes back as a placeholder the browser fills with the row it has, which keeps any form in it too.
 * The versions only spare work: a browser that sends wrong ones gets rows it already has, or placeholders for rows it
 * does not have (and asks for the whole list).
 */
final class ShownRows {

    /** More than this many rows sent back is no list of this product: the rest is not read. */
    static final int MOST = 2 * TaskQuery.PAGE_SIZE;
    private static final int VERSION_BYTES = 9;

    private ShownRows() {
    }

    /** A short, stable digest of what the row's rendering reads (12 characters). */
    static String version(TaskRow row, List<String> assignees, String returnTo, String zone) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", row.toString(),
                    assignees.toString(), returnTo, zone).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, VERSION_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The rows a browser says it shows, from {@code "id.version,id.version"}: task id to version. Anything that is
     * not such a pair is left out, as is everything after the first {@value #MOST}.
     */
    static Map<Long, String> parse(String shown) {
        Map<Long, String> versions = new HashMap<>();
        if (shown == null || shown.isBlank()) {
            return versions;
        }
        for (String pair : shown.split(",", MOST + 1)) {
            int dot = pair.indexOf('.');
            if (versions.size() == MOST || dot <= 0) {
                continue;
            }
            try {
                versions.put(Long.parseLong(pair.substring(0, dot).strip()), pair.substring(dot + 1).strip());
            } catch (NumberFormatException e) {
                // Not a task id: not a row this list rendered.
            }
        }
        return versions;
    }
}
