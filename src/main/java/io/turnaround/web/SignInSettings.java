package io.turnaround.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code turnaround.sign-in.*}: after {@code maxFailures} failed sign-ins for one user name, or from one address, within
 * {@code window}, that name or address is refused (429) until the oldest of them is {@code window} old. Each node
 * remembers up to {@code tracked} user names and as many addresses, the most recently failing ones.
 */
@ConfigurationProperties("turnaround.sign-in")
public record SignInSettings(@DefaultValue("10") int maxFailures,
                             @DefaultValue("PT5M") Duration window,
                             @DefaultValue("10000") int tracked) {

    public SignInSettings {
        if (maxFailures < 1 || tracked < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("turnaround.sign-in needs max-failures and tracked of at least 1 and a"
                    + " positive window, not " + maxFailures + ", " + tracked + " and " + window);
        }
    }
}
