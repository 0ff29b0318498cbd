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
    private final Map<String, NamedCalendars> byVersion = new ConcurrentHashMap<>();

    PolicyCalendars(PolicyVersions versions) {
        this.versions = versions;
    }

    /** The calendars of the policy version whose KJAR version is given (see {@link PolicyVersion#kjarVersion()}). */
    public NamedCalendars of(String kjarVersion) {
        return byVersion.computeIfAbsent(kjarVersion, v -> versions.bundle(Integer.parseInt(v)).calendars());
    }

    /** The version was unloaded; its calendars are parsed again if it is ever needed. */
    void forget(String kjarVersion) {
        byVersion.remove(kjarVersion);
    }

    /** Keeps calendars already parsed from the version's bundle, so it is not read again. */
    void remember(String kjarVersion, NamedCalendars calendars) {
        byVersion.put(kjarVersion, calendars);
    }
}
