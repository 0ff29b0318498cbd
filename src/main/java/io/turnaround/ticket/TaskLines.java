package io.turnaround.ticket;

import java.util.Optional;

import static io.turnaround.ticket.HistoryEvent.TASK_CREATED;
import static io.turnaround.ticket.HistoryEvent.TASK_FORWARDED;

/**
 * How a ticket's history words its tasks being offered to a group, and how the group is read back from those lines:
 * the history is the only complete record of every queue a ticket passed through (see {@link TicketPermissions}).
 */
final class TaskLines {

    private static final String FOR = "' for ";
    private static final String TO = "' to ";

    private TaskLines() {
    }

    /** E.g. {@code 'Address and assign the request' for support-desk}. */
    static String created(String taskName, String group) {
        return "'" + taskName + FOR + group;
    }

    /** E.g. {@code 'Address and assign the request' to on-call}. */
    static String forwarded(String taskName, String group) {
        return "'" + taskName + TO + group;
    }

    /** The group a CREATED or FORWARDED line offered its task to; empty for other lines and tasks of no group. */
    static Optional<String> group(HistoryEntry line) {
        String marker = line.is(TASK_CREATED) ? FOR : line.is(TASK_FORWARDED) ? TO : null;
        int at = marker == null || line.detail() == null ? -1 : line.detail().lastIndexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        String group = line.detail().substring(at + marker.length());
        return group.isBlank() || "null".equals(group) ? Optional.empty() : Optional.of(group);
    }
}
