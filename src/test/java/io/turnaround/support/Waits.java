package io.turnaround.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling for things that happen in another thread or process, with a deadline. */
public final class Waits {

    private Waits() {
    }

    public static <T> T waitFor(Supplier<T> probe, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("nothing after " + timeout);
    }

    public static void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not true after " + timeout + ": " + what);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Whether the condition came true before the timeout. */
    public static boolean within(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(Duration.ofMillis(500));
        }
        return true;
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
