package io.turnaround.mail;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The mailbox reader's thread is started again when it dies, after a pause that grows with each death in a row. */
class SupervisedThreadTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void aThreadThatDiesIsStartedAgainAfterAGrowingPause() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(1);
        List<String> deaths = new CopyOnWriteArrayList<>();
        SupervisedThread supervised = new SupervisedThread("test-reader", () -> {
            if (runs.incrementAndGet() < 3) {
                throw new OutOfMemoryError("run " + runs.get());
            }
            thirdRun.countDown();
            sleepUntilInterrupted();
        }, clock, Duration.ofSeconds(1), Duration.ofSeconds(60), deaths::add);
        supervised.start();
        supervised.thread().join(5_000);

        supervised.check();
        assertThat(deaths).singleElement().asString().contains("OutOfMemoryError: run 1");
        supervised.check();
        assertThat(runs.get()).as("not before its pause is over").isEqualTo(1);
        clock.move(Duration.ofSeconds(1));
        supervised.check();
        supervised.thread().join(5_000);
        assertThat(runs.get()).isEqualTo(2);

        supervised.check();
        clock.move(Duration.ofSeconds(1));
        supervised.check();
        assertThat(runs.get()).as("the second pause is twice the first").isEqualTo(2);
        clock.move(Duration.ofSeconds(1));
        supervised.check();
        assertThat(thirdRun.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(supervised.restarts()).isEqualTo(2);

        supervised.stop(Duration.ofSeconds(5));
        assertThat(supervised.thread().isAlive()).isFalse();
        clock.move(Duration.ofMinutes(5));
        supervised.check();
        assertThat(runs.get()).as("a stopped thread stays stopped").isEqualTo(3);
    }

    private static void sleepUntilInterrupted() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
