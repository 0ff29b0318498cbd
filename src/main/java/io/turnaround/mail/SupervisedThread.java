package io.turnaround.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A thread that is started again when it dies, after a pause that doubles with every death in a row (up to
 * {@code longestPause}) and starts over once the work reports progress. {@link #check()} is called regularly by
 * someone else (a scheduler); {@link #stop()} ends it for good.
 */
final class SupervisedThread {

    private static final Logger log = LoggerFactory.getLogger(SupervisedThread.class);

    private final String name;
    private final Runnable work;
    private final Clock clock;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Consumer<String> onDeath;
    private volatile Thread thread;
    private volatile Throwable death;
    private volatile boolean stopped;
    private Duration pause;
    private Instant restartAt;
    private int restarts;

    SupervisedThread(String name, Runnable work, Clock clock, Duration firstPause, Duration longestPause,
                     Consumer<String> onDeath) {
        this.name = name;
        this.work = work;
        this.clock = clock;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.onDeath = onDeath;
        this.pause = firstPause;
    }

    synchronized void start() {
        stopped = false;
        launch();
    }

    /** Starts the thread again if it died and its pause is over. */
    synchronized void check() {
        Thread current = thread;
        if (stopped || current == null || current.isAlive()) {
            return;
        }
        Instant now = clock.instant();
        if (restartAt == null) {
            restartAt = now.plus(pause);
            String why = death == null ? "it ended" : death.toString();
            log.error("The {} thread died ({}); starting it again in {} s", name, why, pause.toSeconds(), death);
            onDeath.accept("the " + name + " thread died (" + why + ")");
        } else if (!now.isBefore(restartAt)) {
            restarts++;
            pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            restartAt = null;
            launch();
        }
    }

    /** The work went well: the next death waits only the first pause again. */
    synchronized void progressed() {
        pause = firstPause;
    }

    synchronized int restarts() {
        return restarts;
    }

    /** Interrupts the thread and waits up to {@code wait} for it to end; it is not started again. */
    void stop(Duration wait) {
        Thread current;
        synchronized (this) {
            stopped = true;
            current = thread;
        }
        if (current == null) {
            return;
        }
        current.interrupt();
        try {
            current.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Thread thread() {
        return thread;
    }

    private void launch() {
        death = null;
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((dead, e) -> death = e);
        thread = t;
        t.start();
    }
}
