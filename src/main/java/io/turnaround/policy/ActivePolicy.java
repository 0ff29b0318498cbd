package io.turnaround.policy;

import io.turnaround.database.DatabaseProbe;
import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import javax.annotation.PostConstruct;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * The policy version that decides new tickets. It is deployed, with every version that still has open tickets, before
 * the server takes requests; it changes only to a version deployed completely ({@link PolicyDeployments}), so no
 * ticket is ever decided by half a version. Each node follows the active version in the database.
 */
@Service
public class ActivePolicy {

    /** {@code turnaround_policy_active_version}. */
    static final String ACTIVE_VERSION_METRIC = "turnaround.policy.active.version";
    static final String ACTIVATION_METRIC = "turnaround.policy.activation";
    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final PolicyVersions versions;
    private final LoadedPolicies loaded;
    private final PolicyFolderImport folder;
    private final DatabaseProbe database;
    private final Timer followed;
    private volatile PolicyVersion active;

    ActivePolicy(PolicyVersions versions, LoadedPolicies loaded, PolicyFolderImport folder, DatabaseProbe database,
                 MeterRegistry meters) {
        this.versions = versions;
        this.loaded = loaded;
        this.folder = folder;
        this.database = database;
        this.followed = activationTimer(meters, "followed");
        Gauge.builder(ACTIVE_VERSION_METRIC, this, p -> p.active == null ? 0 : p.active.number())
                .description("The number of the policy version that decides new tickets").register(meters);
    }

    /** Deploys the active version and every version with open tickets before the server takes requests or timers fire. */
    @PostConstruct
    void deployAtStartup() {
        long started = System.nanoTime();
        PolicyVersion current = folder.versionToStart();
        loaded.deploy(current);
        for (PolicyVersion older : versions.withOpenTickets()) {
            loaded.deploy(older);
        }
        active = current;
        log.info("Policy version {} active; {} version(s) deployed in {} ms", current.number(), loaded.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * {@code turnaround_policy_activation_seconds{how}}: an activation from its checks to its switch, on the node that
     * made it ({@code here}) or from noticing it to the switch on another ({@code followed}).
     */
    static Timer activationTimer(MeterRegistry meters, String how) {
        return Timer.builder(ACTIVATION_METRIC).description("How long activating a policy version took").tag("how", how)
                .register(meters);
    }

    public PolicyVersion active() {
        return active;
    }

    /** Asks the active version's rules, creating nothing: the dry run analysts use. */
    public PolicyDecision decide(TicketFacts facts) {
        return loaded.decide(active, facts);
    }

    /** The plan the active version gives a tier: prices, included hours, rate, chat hours. */
    public Plan plan(Tier tier) {
        return loaded.plan(active, tier);
    }

    /** Charges the work by the active version's rules: how much the included hours cover, and the rate for the rest. */
    public HoursCharge price(HoursCharge charge) {
        return loaded.price(active, charge);
    }

    /** The version that was active at that moment (the active one for now and later): what priced that time. */
    public PolicyVersion activeAt(Instant at) {
        PolicyVersion current = active;
        if (current.activatedAt() == null || !at.isBefore(current.activatedAt())) {
            return current;
        }
        return versions.activeAt(at).orElse(current);
    }

    /** The version decides new tickets from now on; it must have been deployed. */
    synchronized void switchTo(PolicyVersion version) {
        active = version;
    }

    /**
     * Follows an activation made on another node (or a rollback there): the version is deployed here, then takes over.
     * Runs every {@code turnaround.policy.follow-every}; a no-op while nothing changed.
     */
    @Scheduled(fixedDelayString = "${turnaround.policy.follow-every:PT1S}",
            initialDelayString = "${turnaround.policy.follow-every:PT1S}")
    synchronized void followActivations() {
        if (!database.answering()) {
            return; // looked at again once it answers
        }
        versions.active().filter(v -> v.number() != active.number()).ifPresent(v -> {
            long started = System.nanoTime();
            loaded.deploy(v);
            active = v;
            followed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            log.info("Policy version {} is active (activated on another node); deployed here in {} ms", v.number(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /**
     * Lets go of the loaded versions that decide nothing any more ({@link LoadedPolicies#unloadUnused}). Holds this
     * object's lock, so that a version followed from another node is never taken away between its deployment here and
     * its switch.
     */
    synchronized List<Integer> unloadUnused() {
        return loaded.unloadUnused(active.number());
    }
}
