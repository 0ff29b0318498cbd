package io.turnaround.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed attempts per key (a user name, an address) in a sliding window: a key with {@code limit} failures within
 * {@code window} must wait until the oldest of them is {@code window} old. At most {@code capacity} keys are kept, so
 * someone trying endless user names cannot fill the memory; to make room the least recently seen key that is not
 * waiting goes first.
 */
final class FailureWindows {

    /** How far from the least recently seen key a search for one that is not waiting goes before taking that one. */
    private static final int EVICTION_SCAN = 64;

    private final int limit;
    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<String, ArrayDeque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);

    FailureWindows(int limit, Duration window, int capacity) {
        this.limit = limit;
        this.window = window;
        this.capacity = capacity;
    }

    /** Records a failure; true if it brought the key to its limit (it must wait from now on). */
    synchronized boolean fail(String key, Instant at) {
        ArrayDeque<Instant> times = failures.get(key);
        if (times == null) {
            makeRoom(at);
            times = new ArrayDeque<>(limit);
            failures.put(key, times);
        }
        expire(times, at);
        times.addLast(at);
        while (times.size() > limit) {
            times.removeFirst();
        }
        return times.size() == limit;
    }

    /** How long the key must still wait, or empty if it may try now. */
    synchronized Optional<Duration> retryAfter(String key, Instant now) {
        ArrayDeque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        expire(times, now);
        if (times.isEmpty()) {
            failures.remove(key);
        }
        return times.size() < limit ? Optional.empty() : Optional.of(Duration.between(now, times.getFirst().plus(window)));
    }

    synchronized void clear(String key) {
        failures.remove(key);
    }

    synchronized int size() {
        return failures.size();
    }

    private void expire(ArrayDeque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.getFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private void makeRoom(Instant now) {
        if (failures.size() < capacity) {
            return;
        }
        Iterator<Map.Entry<String, ArrayDeque<Instant>>> eldest = failures.entrySet().iterator();
        for (int i = 0; i < EVICTION_SCAN && eldest.hasNext(); i++) {
            ArrayDeque<Instant> times = eldest.next().getValue();
            expire(times, now);
            if (times.size() < limit) {
                eldest.remove();
                return;
            }
        }
        eldest = failures.entrySet().iterator();
        eldest.next();
        eldest.remove();
    }
}
