package io.turnaround.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs an uploaded policy's rules where a mistake or an attack in them cannot hold the server: on a thread of their
 * own, watched. The work marks each evaluation with {@link #step}; an evaluation that runs longer than the time limit,
 * or allocates more than the memory budget, has its thread stopped, and the run fails with a
 * {@link PolicyEvaluationException} naming the evaluation. Outside a run (deciding real tickets) {@link #step} does nothing.
 */
public final class PolicyTimeLimit {

    private static final Logger log = LoggerFactory.getLogger(PolicyTimeLimit.class);
    private static final ThreadLocal<Watched> CURRENT = new ThreadLocal<>();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long POLL_MILLIS = 20;

    /** How long one evaluation may run, and how much memory it may allocate. */
    public record Limits(Duration time, long memoryBytes) {
    }

    private PolicyTimeLimit() {
    }

    /** Marks the start of one evaluation (a scenario, a ticket) of the run on this thread, if any. */
    public static void step(String file, int line, String what) {
        Watched watched = CURRENT.get();
        if (watched != null) {
            watched.requireRunning();
            watched.step(new Step(file, line, what));
        }
    }

    public static void step(String what) {
        step(null, 0, what);
    }

    /**
     * Rethrows as a stop an exception that wraps the JVM giving up (a stack overflow, memory exhausted) or this run
     * being stopped: the engine wraps errors raised inside a condition, and neither is one more gap to report.
     */
    public static void rethrowIfFatal(RuntimeException e) {
        Watched watched = CURRENT.get();
        if (watched != null) {
            watched.requireRunning();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof VirtualMachineError error) {
                Step step = watched == null ? new Step(null, 0, "the rules") : watched.current;
                throw new PolicyEvaluationException(step.file(), step.line(), step.what() + " failed: " + error, e);
            }
        }
    }

    /** The work's result, its own exception (errors such as a stack overflow wrapped), or the timeout. */
    public static <T> T run(Limits limits, Supplier<T> work) {
        Watched watched = new Watched();
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            CURRENT.set(watched);
            watched.step(new Step(null, 0, "the check"));
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                CURRENT.remove();
            }
        }, "policy-check-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        watch(thread, watched, limits);
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown != null) {
            Step step = watched.current;
            throw new PolicyEvaluationException(step.file(), step.line(), step.what() + " failed: " + thrown, thrown);
        }
        return result.get();
    }

    private static void watch(Thread thread, Watched watched, Limits limits) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        while (true) {
            try {
                thread.join(POLL_MILLIS);
            } catch (InterruptedException e) {
                stop(thread, watched);
                Thread.currentThread().interrupt();
                throw new PolicyEvaluationException(null, 0, "the check was interrupted", e);
            }
            if (!thread.isAlive()) {
                return;
            }
            Step step = watched.current;
            long allocated = threads.getThreadAllocatedBytes(thread.getId()) - watched.allocatedAtStep;
            if (System.nanoTime() - watched.stepStarted > limits.time().toNanos()) {
                stop(thread, watched);
                throw new PolicyEvaluationException(step.file(), step.line(), step.what() + " did not finish within "
                        + seconds(limits.time()), null);
            }
            if (watched.allocatedAtStep >= 0 && allocated > limits.memoryBytes()) {
                stop(thread, watched);
                throw new PolicyEvaluationException(step.file(), step.line(), step.what() + " used more than "
                        + limits.memoryBytes() / (1024 * 1024) + " MB of memory", null);
            }
        }
    }

    /**
     * Ends the thread however busy it is. Interrupting would not stop a loop that never looks; Java 17's Thread.stop
     * still does. The engine catches what it throws inside a condition and goes on, so the run is marked stopped (its
     * next step or caught failure ends it) and the stop is repeated until the thread is gone. Policy code itself may
     * not catch errors (see the bytecode check), and the thread holds nothing shared: a session of its own.
     */
    @SuppressWarnings("deprecation")
    private static void stop(Thread thread, Watched watched) {
        watched.stopped = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                thread.stop();
                thread.join(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.error("Policy check thread {} did not stop; it is left as a daemon", thread.getName());
        }
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private record Step(String file, int line, String what) {
    }

    /** Thrown on the watched thread once its run is stopped; an Error, so no catch of the checks takes it for a gap. */
    private static final class Stopped extends Error {
        Stopped() {
            super("the policy check was stopped", null, false, false);
        }
    }

    /** What the watched thread is evaluating, since when, how much it had allocated then, and whether to stop. */
    private static final class Watched {
        private volatile Step current = new Step(null, 0, "the check");
        private volatile long stepStarted = System.nanoTime();
        private volatile long allocatedAtStep = -1;
        private volatile boolean stopped;

        void requireRunning() {
            if (stopped) {
                throw new Stopped();
            }
        }

        void step(Step step) {
            current = step;
            stepStarted = System.nanoTime();
            allocatedAtStep = ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                    .getCurrentThreadAllocatedBytes();
        }
    }
}
