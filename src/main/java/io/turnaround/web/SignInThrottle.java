package io.turnaround.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed password sign-ins (HTTP basic and the sign-in page) per user name and per client address, in memory on
 * each node, from Spring Security's own events; {@link SignInThrottleFilter} refuses a name or address that has had
 * too many. A success clears its user name's failures, never its address's (others may share it). Failures are
 * logged with the name and the address, never the password.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int LONGEST_NAME = 100;

    private final SignInSettings settings;
    private final FailureWindows users;
    private final FailureWindows addresses;
    private final Clock clock;

    SignInThrottle(SignInSettings settings, Clock clock) {
        this.settings = settings;
        this.users = new FailureWindows(settings.maxFailures(), settings.window(), settings.tracked());
        this.addresses = new FailureWindows(settings.maxFailures(), settings.window(), settings.tracked());
        this.clock = clock;
    }

    /** How long a sign-in as this user name from this address must wait, or empty if it may go ahead. */
    Optional<Duration> retryAfter(String username, String address) {
        var now = clock.instant();
        Optional<Duration> user = users.retryAfter(userKey(username), now);
        Optional<Duration> from = addresses.retryAfter(addressKey(address), now);
        return user.isEmpty() ? from : from.isEmpty() || user.get().compareTo(from.get()) > 0 ? user : from;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String name = printable(attempt.getName());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        log.info("sign-in failed for user '{}' from {}", name, address);
        var now = clock.instant();
        if (users.fail(userKey(attempt.getName()), now)) {
            log.warn("sign-in throttled for user '{}': {} failures within {}", name, settings.maxFailures(),
                    settings.window());
        }
        if (address != null && addresses.fail(addressKey(address), now)) {
            log.warn("sign-in throttled for address {}: {} failures within {}", addressKey(address),
                    settings.maxFailures(), settings.window());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            users.clear(userKey(signedIn.getName()));
        }
    }

    static String userKey(String username) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return name.length() <= LONGEST_NAME ? name : name.substring(0, LONGEST_NAME);
    }

    /**
     * An IPv6 address counts as its /64 network, which one host usually has to itself; IPv4 (also written as IPv6,
     * {@code ::ffff:1.2.3.4}) as the address.
     */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (bytes.length != 16) {
                return parsed.getHostAddress();
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }

    /** The name as typed, safe for one log line: control characters shown as '?', at most 100 characters. */
    private static String printable(String username) {
        String name = username == null ? "" : username.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return name.length() <= LONGEST_NAME ? name : name.substring(0, LONGEST_NAME) + "…";
    }
}
