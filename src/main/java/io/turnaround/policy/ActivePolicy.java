package io.turnaround.policy;

import io.turnaround.database.DatabaseProbe;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The policy version that decides new tickets, and every other version this node has loaded: older ones that still
 * have open tickets, and drafts being checked. A version is compiled and deployed completely before it becomes the
 * active one, so no ticket is ever decided by half a version. Each node follows the active version in the database.
 */
@Service
public class ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final PolicyVersions versions;
    private final PolicySettings settings;
    private final PolicyDeployer engine;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PolicyCalendars calendars;
    private final PolicyAudit audit;
    private final DatabaseProbe database;
    private final Map<Integer, PolicyRules> rulesByVersion = new ConcurrentHashMap<>();
    private volatile PolicyVersion active;

    ActivePolicy(PolicyVersions versions, PolicySettings settings, PolicyDeployer engine, Clock clock,
                 TransactionTemplate transaction, PolicyCalendars calendars, PolicyAudit audit, DatabaseProbe database) {
        this.versions = versions;
        this.settings = settings;
        this.engine = engine;
        this.clock = clock;
        this.transaction = transaction;
        this.calendars = calendars;
        this.audit = audit;
        this.database = database;
    }

    /** Deploys the active version and every version with open tickets before the server takes requests or timers fire. */
    @PostConstruct
    void deployAtStartup() {
        long started = System.nanoTime();
        PolicyVersion current = versions.active().filter(v -> !folderToImport(v)).orElseGet(this::importFolder);
        deploy(current);
        for (PolicyVersion older : versions.withOpenTickets()) {
            deploy(older);
        }
        active = current;
        log.info("Policy version {} active; {} version(s) deployed in {} ms", current.number(), rulesByVersion.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Whether the folder should become a new version at start-up; says so in the log when it differs but is not taken. */
    private boolean folderToImport(PolicyVersion current) {
        if (!settings.folderExists()) {
            return false;
        }
        PolicyBundle folder = PolicyBundle.fromDirectory(settings.path());
        if (current.contentHash().equals(folder.contentHash())) {
            return false;
        }
        if (settings.importChangedFolder()) {
            return true;
        }
        log.warn("The policy folder {} differs from active version {}; it is not deployed at start-up. Upload it as a new"
                        + " version (README, 'Deploying a policy change'), or set turnaround.policy.import-changed-folder=true.",
                settings.path().toAbsolutePath().normalize(), current.number());
        return false;
    }

    /**
     * The policy folder becomes the active version, after it compiles and its scenarios pass; otherwise the server
     * does not start, and the problems are in the exception. One transaction: a failure stores nothing.
     */
    private PolicyVersion importFolder() {
        PolicyBundle folder = PolicyBundle.fromDirectory(settings.path());
        String author = "policy folder " + settings.path().toAbsolutePath().normalize();
        return transaction.execute(status -> {
            Optional<PolicyVersion> previous = versions.active();
            PolicyVersion imported = versions.add(folder, PolicyVersion.State.DRAFT, null, author, null, clock.instant());
            PolicyCheckResult check = check(imported, folder);
            if (!check.passed()) {
                throw new PolicyCompilationException(check.allProblems());
            }
            versions.activate(imported.number(), clock.instant());
            audit.record(author, PolicyAudit.Action.IMPORT, imported, "ACTIVE", check.summary()
                    + previous.map(p -> "; replaces version " + p.number()).orElse(""));
            log.info("Imported the policy folder as version {} ({})", imported.number(), imported.contentHash());
            return versions.find(imported.number()).orElseThrow();
        });
    }

    public PolicyVersion active() {
        return active;
    }

    /** Asks the active version's rules, creating nothing: the dry run analysts use. */
    public PolicyDecision decide(TicketFacts facts) {
        PolicyVersion version = active;
        return decideWith(version, facts);
    }

    /** Asks a stored version's rules (compiling them first if this node has not yet), creating nothing. */
    public PolicyDecision decideWith(PolicyVersion version, TicketFacts facts) {
        Decision decision = rulesOf(version).decide(facts);
        return PolicyDecision.of(decision, version.number());
    }

    /** The plan the active version gives a tier: prices, included hours, rate, chat hours. */
    public Plan plan(Tier tier) {
        return plan(active, tier);
    }

    /** The plan a stored version gives a tier, e.g. the version that decides a ticket: its chat hours judge the channel. */
    public Plan plan(PolicyVersion version, Tier tier) {
        Plan plan = rulesOf(version).plan(tier);
        if (plan == null) {
            throw new IllegalStateException("policy version " + version.number() + " gives tier " + tier + " no plan");
        }
        return plan;
    }

    /** Charges the work by the active version's rules: how much the included hours cover, and the rate for the rest. */
    public HoursCharge price(HoursCharge charge) {
        return price(active, charge);
    }

    /** Charges the work by a stored version's rules (compiling them first if this node has not yet). */
    public HoursCharge price(PolicyVersion version, HoursCharge charge) {
        return rulesOf(version).price(charge);
    }

    /** The version that was active at that moment (the active one for now and later): what priced that time. */
    public PolicyVersion activeAt(Instant at) {
        PolicyVersion current = active;
        if (current.activatedAt() == null || !at.isBefore(current.activatedAt())) {
            return current;
        }
        return versions.activeAt(at).orElse(current);
    }

    /**
     * Compiles a stored version (unless this node already has) and runs its checks. A version that passes stays
     * loaded, ready to deploy; one that fails is dropped.
     */
    PolicyCheckResult check(PolicyVersion version, PolicyBundle bundle) {
        PolicyRules rules = rulesByVersion.get(version.number());
        if (rules == null) {
            try {
                rules = compile(version.number(), bundle);
            } catch (PolicyCompilationException e) {
                List<PolicyProblem> problems = new ArrayList<>(e.problems());
                problems.addAll(MailTemplates.problems(bundle));
                return PolicyCheckResult.problems(problems);
            }
        }
        boolean compiledNow = !rulesByVersion.containsKey(version.number());
        PolicyCheckResult result = PolicyChecks.run(bundle, rules, settings.limits());
        if (result.passed()) {
            rulesByVersion.put(version.number(), rules);
        } else {
            rulesByVersion.remove(version.number());
            if (compiledNow) {
                rules.unload();
            }
        }
        return result;
    }

    /**
     * Runs work that evaluates a version's rules (an impact preview) under the check limits; each evaluation marks
     * itself with {@link PolicyTimeLimit#step}. Throws {@link PolicyEvaluationException} when one is stopped.
     */
    public <T> T underCheckLimits(Supplier<T> work) {
        return PolicyTimeLimit.run(settings.limits(), work);
    }

    /** Compiles (if need be) and deploys the version to the process engine; it does not become active. */
    void deploy(PolicyVersion version) {
        rulesOf(version);
        engine.deploy(version.number());
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
            deploy(v);
            active = v;
            log.info("Policy version {} is active (activated on another node); deployed here in {} ms", v.number(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /**
     * Lets go of every version this node has loaded that decides nothing any more: not the active one, no process
     * instance of it running, and not a draft uploaded after the active version (it waits to be activated). Its engine
     * deployment, compiled rules and calendars go; a version needed again (a rollback, a statement priced by it) is
     * compiled again. The caller holds the activation lock ({@link PolicyDeployments}), so that a version being
     * activated is never taken away between its deployment and its switch.
     */
    synchronized List<Integer> unloadUnused() {
        List<Integer> unloaded = new ArrayList<>();
        for (Integer number : List.copyOf(rulesByVersion.keySet())) {
            if (number == active.number() || waitsForActivation(number) || engine.hasLiveInstances(number)) {
                continue;
            }
            engine.undeploy(number);
            PolicyRules rules = rulesByVersion.remove(number);
            if (rules != null) {
                rules.unload();
            }
            calendars.forget(number);
            unloaded.add(number);
        }
        if (!unloaded.isEmpty()) {
            log.info("Unloaded policy version(s) {}: neither active nor used by a running process", unloaded);
        }
        return unloaded;
    }

    private boolean waitsForActivation(int number) {
        return number > active.number()
                && versions.find(number).map(v -> v.state() == PolicyVersion.State.DRAFT).orElse(false);
    }

    private PolicyRules rulesOf(PolicyVersion version) {
        return rulesByVersion.computeIfAbsent(version.number(), n -> compile(n, versions.bundle(n)));
    }

    private PolicyRules compile(int number, PolicyBundle bundle) {
        PolicyRules rules = PolicyRules.load(PolicyCompiler.compile(bundle, PolicyVersion.kjarVersionOf(number)),
                bundle.calendars());
        calendars.remember(number, rules.calendars());
        return rules;
    }
}
