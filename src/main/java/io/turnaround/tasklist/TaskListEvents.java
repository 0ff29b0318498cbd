package io.turnaround.tasklist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells every open task list when a task was created, claimed, released, completed or escalated, on this node or
 * another: each node reads the latest task change once a second (one indexed query, however many lists are open)
 * and sends the event {@code tasks-changed} to its lists, which then fetch their own rows with their own filters
 * and permissions. The event carries no data, so it shows nobody anything.
 */
@Component
class TaskListEvents {

    static final String CHANGED = "tasks-changed";
    /** A list reconnects by itself after this, or after a restart; EventSource does so on its own. */
    private static final long OPEN_FOR = Duration.ofMinutes(30).toMillis();
    private static final Logger log = LoggerFactory.getLogger(TaskListEvents.class);

    private final Set<SseEmitter> lists = ConcurrentHashMap.newKeySet();
    private final TaskRows rows;
    /** Its own thread: the shared scheduler also sends mail, and a slow mail server must not hold the lists back. */
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "task-list-events");
        thread.setDaemon(true);
        return thread;
    });
    private String seen;

    TaskListEvents(TaskRows rows) {
        this.rows = rows;
        clock.scheduleWithFixedDelay(this::publishChanges, 1, 1, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(this::heartbeat, 25, 25, TimeUnit.SECONDS);
    }

    /** A new open list; it hears of every change from now on. */
    SseEmitter subscribe() {
        SseEmitter list = new SseEmitter(OPEN_FOR);
        list.onCompletion(() -> lists.remove(list));
        list.onTimeout(list::complete);
        list.onError(e -> lists.remove(list));
        lists.add(list);
        synchronized (this) {
            // What it hears of is measured from now: a change after this answer reaches it.
            if (seen == null) {
                seen = rows.lastChange();
            }
        }
        send(list, SseEmitter.event().comment("listening"));
        return list;
    }

    int open() {
        return lists.size();
    }

    synchronized void publishChanges() {
        if (lists.isEmpty()) {
            seen = null;
            return;
        }
        try {
            String latest = rows.lastChange();
            if (seen != null && !Objects.equals(seen, latest)) {
                lists.forEach(list -> send(list, SseEmitter.event().name(CHANGED).data("")));
            }
            seen = latest;
        } catch (DataAccessException e) {
            // The lists still refresh once a minute; the next second tries again.
            log.warn("Cannot read the latest task change: {}", e.getMessage());
        }
    }

    /**
     * The server is stopping: open lists are ended first, so a graceful stop does not wait for them (their browsers
     * reconnect to this node when it is back, or to another).
     */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        clock.shutdownNow();
        lists.forEach(SseEmitter::complete);
        lists.clear();
    }

    /** A comment now and then: proxies keep the connection, and a list that went away is found and dropped. */
    void heartbeat() {
        lists.forEach(list -> send(list, SseEmitter.event().comment("still here")));
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
