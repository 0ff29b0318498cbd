package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells each open task list when a task it may show was created, claimed, released, forwarded, completed or
 * escalated, on this node or another: each node reads the latest task change every {@value #LOOK_EVERY_MS} ms (one
 * indexed query, however many lists are open) and, when there is one, which groups and people the changes since
 * concern (a second query). A list hears {@code tasks-changed} when a change concerns its viewer: a task of one of
 * their groups, or one they hold or held; a manager's or admin's list hears of every change. It then fetches its own
 * rows with its own filters and permissions. The event carries no data, so it shows nobody anything.
 * <p>
 * Each event makes a list fetch the rows that changed, so the lists waiting for one are told oldest first, at most
 * {@value #FETCHES_PER_SECOND} a second over the node (spread over each second, not all at once, so the fetches never
 * crowd out the intake), and each list at most once a second: 200 lists concerned by every change are all told within
 * {@code 200 / FETCHES_PER_SECOND} seconds.
 */
@Component
class TaskListEvents {

    static final String CHANGED = "tasks-changed";
    /** At most this many list fetches a second caused by events, over all the open lists of this node. */
    static final int FETCHES_PER_SECOND = 150;
    /** How often a node looks for a change and tells the lists waiting for one. */
    static final long LOOK_EVERY_MS = 100;
    /** How many lists one look may tell. */
    static final int TOLD_PER_LOOK = (int) (FETCHES_PER_SECOND * LOOK_EVERY_MS / 1000);
    /** A list is told at most this often; changes in between wait for the next event. */
    static final Duration TELL_AT_MOST_EVERY = Duration.ofSeconds(1);
    /** A change is looked for this long before a list's mark too: its transaction may commit after a later one. */
    static final Duration LATE_COMMIT = Duration.ofSeconds(5);
    /** A list whose mark is older than this hears of the next change whatever it is (no long look back). */
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);
    /** A list reconnects by itself after this, or after a restart; EventSource does so on its own. */
    private static final long OPEN_FOR = Duration.ofMinutes(30).toMillis();
    private static final Logger log = LoggerFactory.getLogger(TaskListEvents.class);

    private final Map<SseEmitter, OpenList> lists = new ConcurrentHashMap<>();
    private final TaskRows rows;
    /** Its own thread: the shared scheduler also sends mail, and a slow mail server must not hold the lists back. */
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "task-list-events");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failing;

    /**
     * An open list: whose it is, the latest change it has been told of or was rendered with (empty: unknown), and,
     * on the clock's thread only, since when a change waits to be told to it and when it was last told (nano time).
     */
    static final class OpenList {

        private final Staff viewer;
        private volatile Optional<TaskRows.Mark> seen;
        private boolean waiting;
        private long waitingSince;
        private boolean toldBefore;
        private long toldAt;

        OpenList(Staff viewer, Optional<TaskRows.Mark> seen) {
            this.viewer = viewer;
            this.seen = seen;
        }

        /** A change concerns it: it waits to be told from now, or from earlier if it already waited. */
        void changeWaits(long now) {
            if (!waiting) {
                waiting = true;
                waitingSince = now;
            }
        }

        boolean mayBeTold(long now) {
            return waiting && (!toldBefore || now - toldAt >= TELL_AT_MOST_EVERY.toNanos());
        }

        void told(long now) {
            waiting = false;
            toldBefore = true;
            toldAt = now;
        }
    }

    TaskListEvents(TaskRows rows) {
        this.rows = rows;
        clock.scheduleWithFixedDelay(this::publishChanges, LOOK_EVERY_MS, LOOK_EVERY_MS, TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(this::heartbeat, 25, 25, TimeUnit.SECONDS);
    }

    /** The latest task change, which a page renders with and sends back when it subscribes. */
    String latest() {
        return rows.lastChange().text();
    }

    /**
     * A new open list of this viewer, rendered as of {@code since} (a value of {@link #latest}): it hears of every
     * change after that which concerns the viewer, one made between its rendering and this subscription too.
     */
    SseEmitter subscribe(Staff viewer, String since) {
        SseEmitter list = new SseEmitter(OPEN_FOR);
        list.onCompletion(() -> lists.remove(list));
        list.onTimeout(list::complete);
        list.onError(e -> lists.remove(list));
        lists.put(list, new OpenList(viewer, TaskRows.Mark.parse(since)));
        send(list, SseEmitter.event().comment("listening"));
        return list;
    }

    void publishChanges() {
        if (lists.isEmpty()) {
            return;
        }
        try {
            findConcernedLists(System.nanoTime());
            if (failing) {
                log.info("The task lists are told of changes again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // A stalled database or any other failure: the lists still refresh once a minute, and the next look tries
            // again (an exception escaping here would stop this schedule for good). Said once, not ten times a second.
            if (!failing) {
                log.warn("Cannot tell the task lists of changes: {}", e.getMessage());
                failing = true;
            }
        }
        long now = System.nanoTime();
        toTell(lists, now, TOLD_PER_LOOK).forEach(list -> {
            list.getValue().told(now);
            send(list.getKey(), SseEmitter.event().name(CHANGED).data(""));
        });
    }

    /** Marks each list that is behind the latest change as waiting, if the changes concern it. */
    private void findConcernedLists(long now) {
        TaskRows.Mark latest = rows.lastChange();
        List<OpenList> behind = lists.values().stream().filter(list -> !list.seen.equals(Optional.of(latest))).toList();
        if (behind.isEmpty() || latest.at() == null) {
            return;
        }
        Instant lookBack = latest.at().minus(LOOK_BACK);
        List<TaskRows.Touch> touched = rows.touchedSince(behind.stream()
                .map(list -> since(list, lookBack).orElse(lookBack))
                .min(Instant::compareTo).orElse(lookBack).minus(LATE_COMMIT));
        for (OpenList list : behind) {
            Optional<Instant> seen = since(list, lookBack);
            list.seen = Optional.of(latest);
            if (concerns(list.viewer, seen, touched)) {
                list.changeWaits(now);
            }
        }
    }

    /** The lists to tell now: those a change waits for and that may be told again, longest waiting first. */
    static <K> List<Map.Entry<K, OpenList>> toTell(Map<K, OpenList> lists, long now, int most) {
        return lists.entrySet().stream().filter(list -> list.getValue().mayBeTold(now))
                .sorted(Comparator.comparingLong(list -> list.getValue().waitingSince))
                .limit(most).toList();
    }

    /**
     * From when a list's changes are looked for: its mark; the look-back when its page was rendered before the first
     * task (every task came since); empty when its mark is unknown or older than the look-back.
     */
    private static Optional<Instant> since(OpenList list, Instant lookBack) {
        return list.seen.map(mark -> mark.at() == null ? lookBack : mark.at()).filter(at -> !at.isBefore(lookBack));
    }

    /**
     * Whether changes since a list's mark concern its viewer: any change for a manager or admin, and for anyone when
     * the mark is unknown or too old to look back to; otherwise one of a task of their groups, or one they hold or
     * held.
     */
    static boolean concerns(Staff viewer, Optional<Instant> seen, List<TaskRows.Touch> touched) {
        if (viewer.seesAllQueues() || seen.isEmpty()) {
            return true;
        }
        Instant from = seen.get().minus(LATE_COMMIT);
        return touched.stream().filter(touch -> !touch.at().isBefore(from)).anyMatch(touch ->
                touch.people().contains(viewer.username()) || touch.groups().stream().anyMatch(viewer.groups()::contains));
    }

    /**
     * The server is stopping: open lists are ended first, so a graceful stop does not wait for them (their browsers
     * reconnect to this node when it is back, or to another).
     */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        clock.shutdownNow();
        lists.keySet().forEach(SseEmitter::complete);
        lists.clear();
    }

    /** A comment now and then: proxies keep the connection, and a list that went away is found and dropped. */
    void heartbeat() {
        lists.keySet().forEach(list -> send(list, SseEmitter.event().comment("still here")));
    }

    private void send(SseEmitter list, SseEmitter.SseEventBuilder event) {
        try {
            list.send(event);
        } catch (IOException | IllegalStateException gone) {
            lists.remove(list);
            log.debug("A task list went away: {}", gone.getMessage());
        }
    }
}
