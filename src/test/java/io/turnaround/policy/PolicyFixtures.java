package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import io.turnaround.sla.NamedCalendars;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The shipped policy, compiled once per test JVM, and ticket facts to feed it. */
public final class PolicyFixtures {

    private static PolicyRules shipped;

    private PolicyFixtures() {
    }

    public static synchronized PolicyRules shippedRules() {
        if (shipped == null) {
            PolicyBundle bundle = shippedBundle();
            shipped = PolicyRules.load(PolicyCompiler.compile(bundle, "0.0.1-test"), bundle.calendars());
        }
        return shipped;
    }

    public static NamedCalendars shippedCalendars() {
        return shippedRules().calendars();
    }

    public static PolicyBundle shippedBundle() {
        return PolicyBundle.fromDirectory(Path.of("."));
    }

    /** The shipped policy with one file edited, as an analyst would: e.g. another escalation percentage. */
    public static PolicyBundle shippedBundleWith(String path, UnaryOperator<String> edit) {
        Map<String, String> files = new TreeMap<>(shippedBundle().files());
        String before = files.get(path);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit changed nothing in " + path);
        }
        files.put(path, after);
        return PolicyBundle.of(files);
    }

    public static TicketFacts facts(Tier tier, Hosting hosting, String subject, String body, Instant receivedAt) {
        return new TicketFacts(tier, hosting, subject, body, Channel.EMAIL, receivedAt, null);
    }

    public static TicketFacts factsWithCategory(Tier tier, Hosting hosting, Category category, Instant receivedAt) {
        return new TicketFacts(tier, hosting, "Request", "Please help", Channel.EMAIL, receivedAt, category);
    }
}
