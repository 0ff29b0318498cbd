package io.turnaround.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins counted in a sliding window, in bounded memory. */
class FailureWindowsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    @Test
    void theTenthFailureWithinFiveMinutesMakesTheKeyWaitUntilTheFirstIsFiveMinutesOld() {
        FailureWindows windows = new FailureWindows(10, WINDOW, 100);
        for (int i = 0; i < 9; i++) {
            assertThat(windows.fail("alice", T0.plusSeconds(i * 10L))).isFalse();
        }
        assertThat(windows.retryAfter("alice", T0.plusSeconds(90))).isEmpty();

        assertThat(windows.fail("alice", T0.plusSeconds(90))).as("the tenth").isTrue();

        assertThat(windows.retryAfter("alice", T0.plusSeconds(100))).contains(Duration.ofSeconds(200));
        assertThat(windows.retryAfter("alice", T0.plus(WINDOW).minusMillis(1))).contains(Duration.ofMillis(1));
        assertThat(windows.retryAfter("alice", T0.plus(WINDOW))).as("the first failure has left the window").isEmpty();
        assertThat(windows.retryAfter("bob", T0.plusSeconds(100))).isEmpty();
    }

    @Test
    void theWindowSlidesSoOneMoreFailureAfterTheOldestLeftWaitsAgainUntilTheNextLeaves() {
        FailureWindows windows = new FailureWindows(10, WINDOW, 100);
        for (int i = 0; i < 10; i++) {
            windows.fail("alice", T0.plusSeconds(i * 10L));
        }
        Instant later = T0.plus(WINDOW).plusSeconds(1);
        assertThat(windows.retryAfter("alice", later)).isEmpty();

        assertThat(windows.fail("alice", later)).isTrue();

        assertThat(windows.retryAfter("alice", later)).contains(Duration.ofSeconds(9));
    }

    @Test
    void nineFailuresInAnyFiveMinutesNeverMakeAKeyWait() {
        FailureWindows windows = new FailureWindows(10, WINDOW, 100);
        for (int i = 0; i < 100; i++) {
            Instant at = T0.plus(Duration.ofSeconds(34).multipliedBy(i));
            assertThat(windows.fail("alice", at)).isFalse();
            assertThat(windows.retryAfter("alice", at)).isEmpty();
        }
    }

    @Test
    void clearingForgetsTheFailures() {
        FailureWindows windows = new FailureWindows(2, WINDOW, 100);
        windows.fail("alice", T0);
        windows.clear("alice");
        assertThat(windows.fail("alice", T0)).isFalse();
    }

    @Test
    void endlessNewNamesKeepTheMemoryBoundedAndDoNotPushOutAKeyThatMustWait() {
        FailureWindows windows = new FailureWindows(10, WINDOW, 1000);
        for (int i = 0; i < 10; i++) {
            windows.fail("alice", T0);
        }
        for (int i = 0; i < 100_000; i++) {
            windows.fail("sprayed-" + i, T0.plusMillis(i));
        }

        assertThat(windows.size()).isEqualTo(1000);
        assertThat(windows.retryAfter("alice", T0.plusSeconds(100))).isPresent();
    }

    @Test
    void addressesAreCountedByHostIPv6ByItsSlash64() {
        assertThat(SignInThrottle.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64")
                .isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
        assertThat(SignInThrottle.addressKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(SignInThrottle.userKey("Alice")).isEqualTo("alice");
        assertThat(SignInThrottle.userKey("x".repeat(5000))).hasSize(100);
    }
}
