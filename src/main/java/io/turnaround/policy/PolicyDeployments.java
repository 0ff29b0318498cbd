package io.turnaround.policy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The way a policy change reaches customers: an upload becomes a version that is compiled and checked (its scenarios
 * run) at once, then an admin activates it, or later rolls back to any version that was active before. The running
 * server never stops; every step goes into the audit log.
 */
@Service
public class PolicyDeployments {

    private static final Logger log = LoggerFactory.getLogger(PolicyDeployments.class);
    private static final int MAX_DESCRIPTION = 500;

    private final PolicyVersions versions;
    private final ActivePolicy policy;
    private final LoadedPolicies loaded;
    private final PolicyGroups groups;
    private final PolicyAudit audit;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Timer activations;
    private final Clock clock;

    PolicyDeployments(PolicyVersions versions, ActivePolicy policy, LoadedPolicies loaded, PolicyGroups groups,
                      PolicyAudit audit, TransactionTemplate transaction, ApplicationEventPublisher events,
                      MeterRegistry meters, Clock clock) {
        this.versions = versions;
        this.activations = ActivePolicy.activationTimer(meters, "here");
        this.groups = groups;
        this.policy = policy;
        this.loaded = loaded;
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** A whole bundle, as a zip: stored, compiled and checked. */
    public UploadReport uploadZip(byte[] zip, String description, String actor) {
        BundleArchive.Unpacked unpacked = refusedIfInvalid(actor, () -> {
            requireShort(description);
            return BundleArchive.read(zip);
        });
        return store(unpacked.bundle(), null, description, actor, unpacked.ignored());
    }

    /**
     * Single files added or replaced (and others removed) on top of the active version: stored, compiled and checked.
     * Each file is keyed by its path in the bundle ({@code rules/sla.drl}) or by its name alone, which puts it where
     * its extension belongs.
     */
    public UploadReport uploadFiles(Map<String, byte[]> files, List<String> removed, String description, String actor) {
        PolicyVersion base = policy.active();
        PolicyBundle bundle = refusedIfInvalid(actor, () -> {
            requireShort(description);
            Map<String, String> changed = new TreeMap<>();
            files.forEach((name, bytes) -> {
                String path = name.contains("/") ? name : PolicyFilePaths.forUpload(name);
                changed.put(path, BundleArchive.text(path, bytes));
            });
            if (changed.isEmpty() && removed.isEmpty()) {
                throw new InvalidPolicyUploadException("no file was sent: send a zip of the bundle or policy files");
            }
            return versions.bundle(base.number()).with(changed, removed);
        });
        return store(bundle, base.number(), description, actor, List.of());
    }

    /** A whole bundle edited from a version (a studio workspace): stored, compiled and checked as any upload. */
    public UploadReport uploadBundle(PolicyBundle bundle, int basedOn, String description, String actor) {
        PolicyBundle checked = refusedIfInvalid(actor, () -> {
            requireShort(description);
            if (bundle.files().isEmpty()) {
                throw new InvalidPolicyUploadException("the bundle has no files");
            }
            return PolicyBundle.of(Map.of()).with(bundle.files(), List.of());
        });
        return store(checked, basedOn, description, actor, List.of());
    }

    private static void requireShort(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidPolicyUploadException("the description has more than " + MAX_DESCRIPTION + " characters");
        }
    }

    /** Reads an upload; one that is no bundle at all is refused, and the refusal goes into the audit log. */
    private <T> T refusedIfInvalid(String actor, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidPolicyUploadException e) {
            transaction.executeWithoutResult(s -> audit.record(actor, PolicyAudit.Action.UPLOAD, null, "REFUSED",
                    e.getMessage()));
            throw e;
        }
    }

    private UploadReport store(PolicyBundle bundle, Integer basedOn, String description, String actor, List<String> ignored) {
        PolicyVersion draft = transaction.execute(s -> versions.add(bundle, PolicyVersion.State.DRAFT, basedOn, actor,
                description, clock.instant()));
        PolicyCheckResult check = loaded.check(draft, bundle);
        List<String> warnings = groups.warnings(bundle);
        String detail = "version " + draft.number() + (check.passed() ? " is a draft: " : " is rejected: ") + check.summary()
                + sameContentAs(draft) + warnings.stream().map(w -> "; warning: " + w).collect(Collectors.joining());
        transaction.executeWithoutResult(s -> {
            if (!check.passed()) {
                versions.reject(draft.number());
            }
            audit.record(actor, PolicyAudit.Action.UPLOAD, draft, check.passed() ? "DRAFT" : "REJECTED",
                    check.passed() ? detail : detail + "\n" + check.allProblems().stream().map(PolicyProblem::toString)
                            .collect(Collectors.joining("\n")));
        });
        log.info("Policy upload by {}: {}", actor, detail);
        return new UploadReport(versions.find(draft.number()).orElseThrow(), detail, check.problems(), check.scenarios(),
                ignored, warnings);
    }

    private String sameContentAs(PolicyVersion draft) {
        return versions.all().stream()
                .filter(v -> v.number() != draft.number() && v.contentHash().equals(draft.contentHash()))
                .findFirst().map(v -> "; same files as version " + v.number()).orElse("");
    }

    /**
     * Makes a draft or a retired version the active one: it is compiled and deployed first (intake goes on with the
     * current version meanwhile), its checks run again, then new tickets use it at once. Tickets already decided keep
     * their version unless {@code migrateOpenTickets}.
     */
    public synchronized PolicyVersion activate(int number, boolean migrateOpenTickets, String actor) {
        PolicyVersion target = versions.find(number).orElseThrow(() -> new PolicyVersionNotFoundException(number));
        switch (target.state()) {
            case ACTIVE -> throw new PolicyVersionConflictException("version " + number + " is already active");
            case REJECTED -> throw new PolicyVersionConflictException("version " + number
                    + " was rejected by its checks; fix the files and upload them again");
            default -> {
            }
        }
        long started = System.nanoTime();
        PolicyCheckResult check = loaded.check(target, versions.bundle(number));
        if (!check.passed()) {
            throw new PolicyVersionConflictException("version " + number + " no longer passes its checks: "
                    + check.summary());
        }
        loaded.deploy(target);
        // Going back to an older version is a rollback; re-activating a newer one after a rollback is not.
        PolicyAudit.Action action = number < policy.active().number()
                ? PolicyAudit.Action.ROLLBACK : PolicyAudit.Action.ACTIVATE;
        Optional<PolicyVersion> previous = transaction.execute(s -> {
            Optional<PolicyVersion> retired = versions.activate(number, clock.instant());
            audit.record(actor, action, target, "ACTIVE", retired.map(r -> "replaces version " + r.number())
                    .orElse("first active version") + "; checked and deployed in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return retired;
        });
        PolicyVersion now = versions.find(number).orElseThrow();
        policy.switchTo(now);
        activations.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        log.info("Policy version {} activated by {} ({}), replacing {}", number, actor, action,
                previous.map(p -> Integer.toString(p.number())).orElse("none"));
        events.publishEvent(new PolicyActivated(now, previous.orElse(null), migrateOpenTickets, actor));
        unloadUnused();
        return now;
    }

    /**
     * Unloads the versions no running process uses any more (see {@link ActivePolicy#unloadUnused}): after every
     * activation, and every {@code turnaround.policy.unload-unused-every} for the processes that ended meanwhile. Under
     * the activation lock. A failure only leaves a version loaded.
     */
    @Scheduled(fixedDelayString = "${turnaround.policy.unload-unused-every:PT10M}",
            initialDelayString = "${turnaround.policy.unload-unused-every:PT10M}")
    public synchronized void unloadUnused() {
        try {
            policy.unloadUnused();
        } catch (RuntimeException e) {
            log.warn("Could not unload unused policy versions; they stay loaded until the next try", e);
        }
    }

    /** Activates the version that was active before the current one. */
    public PolicyVersion rollBack(String actor) {
        PolicyVersion previous = versions.previouslyActive().orElseThrow(() ->
                new PolicyVersionConflictException("no earlier version was ever active; there is nothing to roll back to"));
        return activate(previous.number(), false, actor);
    }

    public List<PolicyVersion> versions() {
        return versions.all();
    }

    public PolicyVersion version(int number) {
        return versions.find(number).orElseThrow(() -> new PolicyVersionNotFoundException(number));
    }

    public PolicyBundle bundle(int number) {
        version(number);
        return versions.bundle(number);
    }

    public byte[] zip(int number) {
        return BundleArchive.write(bundle(number));
    }

    public List<PolicyAuditEntry> history(int number) {
        version(number);
        return audit.of(number);
    }

    public List<PolicyAuditEntry> audit(int limit) {
        return audit.latest(limit);
    }
}
