package io.turnaround.tasklist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the task list shows: whose tasks ({@link Scope}), optional filters, and which page. Every filter is
 * applied on top of what the viewer may see; a filter can narrow, never widen.
 */
public record TaskQuery(Scope scope, String group, String tier, String route, String state, int page) {

    static final int PAGE_SIZE = 50;

    public enum Scope {
        /** Tasks assigned to me. */
        MINE,
        /** Unclaimed tasks of my groups. */
        QUEUE,
        /** Everything I may see: mine and my groups' (managers and admins: every open task). */
        ALL;

        /** The scope named in a link; a missing or unknown name shows everything the viewer may see. */
        public static Scope parse(String name) {
            for (Scope scope : values()) {
                if (scope.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return scope;
                }
            }
            return ALL;
        }
    }

    public TaskQuery {
        scope = scope == null ? Scope.ALL : scope;
        group = blankToNull(group);
        tier = blankToNull(tier);
        route = blankToNull(route);
        state = blankToNull(state);
        page = Math.max(page, 0);
    }

    /**
     * This query as a link's parameters ({@code scope=MINE&tier=GOLD&page=1}); what is not set, every task and the
     * first page are left out, so the plain list is {@code ""}.
     */
    String parameters() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("scope", scope == Scope.ALL ? null : scope);
        values.put("group", group);
        values.put("tier", tier);
        values.put("route", route);
        values.put("state", state);
        values.put("page", page == 0 ? null : page);
        return values.entrySet().stream().filter(value -> value.getValue() != null)
                .map(value -> value.getKey() + "=" + URLEncoder.encode(value.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
