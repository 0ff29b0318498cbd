package io.turnaround.policy;

import io.turnaround.sla.NamedCalendars;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named calendars of each stored policy version, parsed once per version: the rules of a version ask for its
 * calendars by name while they decide a ticket ({@code $d.calendar("pacific-office")}).
 */
@Component
public class PolicyCalendars {

    private final PolicyVersions versions;
    private final Map<Integer, NamedCalendars> byVersion = new ConcurrentHashMap<>();

    PolicyCalendars(PolicyVersions versions) {
        this.versions = versions;
    }

    /** The calendars of that policy version. */
    public NamedCalendars of(int policyVersion) {
        return byVersion.computeIfAbsent(policyVersion, v -> versions.bundle(v).calendars());
    }

    /** The version was unloaded; its calendars are parsed again if it is ever needed. */
    void forget(int policyVersion) {
        byVersion.remove(policyVersion);
    }

    /** Keeps calendars already parsed from the version's bundle, so it is not read again. */
    void remember(int policyVersion, NamedCalendars calendars) {
        byVersion.put(policyVersion, calendars);
    }
}
