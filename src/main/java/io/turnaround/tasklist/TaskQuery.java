package io.turnaround.tasklist;

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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
