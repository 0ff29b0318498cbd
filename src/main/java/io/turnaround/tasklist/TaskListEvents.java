package io.turnaround.tasklist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells every open task list when a task was created, claimed, released, completed or escalated, on this node or
 * another: each node reads the latest task change once a second (one indexed query, however many lists are open)
 * and sends the event {@code tasks-changed} to its lists, which then fetch their own rows with their own filters
 * and permissions. The event carries no data, so it shows nobody anything.
 * <p>
 * Each event makes every open list fetch its page, so while tasks keep changing the events are spaced to keep those
 * fetches at {@value #FETCHES_PER_SECOND} a second at most: every second for up to 20 open lists, every 10 s for 200.
 */
@Component
class TaskListEvents {

    static final String CHANGED = "tasks-changed";
    /** At most this many page fetches a second caused by events, over all the open lists of this node. */
    static final int FETCHES_PER_SECOND = 20;
    /** A list reconnects by itself after this, or after a restart; EventSource does so on its own. */
    private static final long OPEN_FOR = Duration.ofMinutes(30).toMillis();
    private static final Logger log = LoggerFactory.getLogger(TaskListEvents.class);

    /** Each open list, and the latest task change it has been told of (or was rendered with). */
    private final Map<SseEmitter, String> lists = new ConcurrentHashMap<>();
    private final TaskRows rows;
    /** Its own thread: the shared scheduler also sends mail, and a slow mail server must not hold the lists back. */
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "task-list-events");
        thread.setDaemon(true);
        return thread;
    });
    private long nextEventNanos;

    TaskListEvents(TaskRows rows) {
        this.rows = rows;
        clock.scheduleWithFixedDelay(this::publishChanges, 1, 1, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(this::heartbeat, 25, 25, TimeUnit.SECONDS);
    }

    /** The latest task change, which a page renders with and sends back when it subscribes. */
    String latest() {
        return rows.lastChange();
    }

    /**
     * A new open list, rendered as of {@code since} (a value of {@link #latest}): it hears of every change after
     * that, a change made between its rendering and this subscription too.
     */
    SseEmitter subscribe(String since) {
        SseEmitter list = new SseEmitter(OPEN_FOR);
        list.onCompletion(() -> lists.remove(list));
        list.onTimeout(list::complete);
        list.onError(e -> lists.remove(list));
        lists.put(list, since);
        send(list, SseEmitter.event().comment("listening"));
        return list;
    }

    void publishChanges() {
        if (lists.isEmpty() || System.nanoTime() - nextEventNanos < 0) {
            return;
        }
        try {
            String latest = rows.lastChange();
            boolean told = false;
            for (Map.Entry<SseEmitter, String> list : lists.entrySet()) {
                if (!latest.equals(list.getValue())) {
                    list.setValue(latest);
                    send(list.getKey(), SseEmitter.event().name(CHANGED).data(""));
                    told = true;
                }
            }
            if (told) {
                nextEventNanos = System.nanoTime() + spacing(lists.size()).toNanos();
            }
        } catch (RuntimeException e) {
            // A stalled database or any other failure: the lists still refresh once a minute, and the next second
            // tries again (an exception escaping here would stop this schedule for good).
            log.warn("Cannot tell the task lists of changes: {}", e.getMessage());
        }
    }

    /** How long after an event the next may follow: a second, or longer when many lists would fetch their page. */
    static Duration spacing(int openLists) {
        return Duration.ofMillis(Math.max(1000, 1000L * openLists / FETCHES_PER_SECOND));
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
