package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every policy version this node has compiled: the active one, older ones that still have open tickets, and drafts
 * being checked. Any of them can be asked (a decision, a plan, a price), compiling it first if this node has not yet;
 * a version is compiled and deployed completely before it can become the active one, and let go of once it decides
 * nothing any more.
 */
@Service
public class LoadedPolicies {

    private static final Logger log = LoggerFactory.getLogger(LoadedPolicies.class);

    private final PolicyVersions versions;
    private final PolicySettings settings;
    private final PolicyDeployer engine;
    private final PolicyCalendars calendars;
    private final Map<Integer, PolicyRules> rulesByVersion = new ConcurrentHashMap<>();

    LoadedPolicies(PolicyVersions versions, PolicySettings settings, PolicyDeployer engine, PolicyCalendars calendars) {
        this.versions = versions;
        this.settings = settings;
        this.engine = engine;
        this.calendars = calendars;
    }

    /** Asks a stored version's rules, creating nothing: a dry run, or the impact preview. */
    public PolicyDecision decide(PolicyVersion version, TicketFacts facts) {
        Decision decision = rulesOf(version).decide(facts);
        return PolicyDecision.of(decision, facts, version.number());
    }

    /** The plan a stored version gives a tier, e.g. the version that decides a ticket: its chat hours judge the channel. */
    public Plan plan(PolicyVersion version, Tier tier) {
        Plan plan = rulesOf(version).plan(tier);
        if (plan == null) {
            throw new IllegalStateException("policy version " + version.number() + " gives tier " + tier + " no plan");
        }
        return plan;
    }

    /** Charges the work by a stored version's rules: how much the included hours cover, and the rate for the rest. */
    public HoursCharge price(PolicyVersion version, HoursCharge charge) {
        return rulesOf(version).price(charge);
    }

    /**
     * Runs work that evaluates a version's rules (an impact preview) under the check limits; each evaluation marks
     * itself with {@link PolicyTimeLimit#step}. Throws {@link PolicyEvaluationException} when one is stopped.
     */
    public <T> T underCheckLimits(Supplier<T> work) {
        return PolicyTimeLimit.run(settings.limits(), work);
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

    /** Compiles (if need be) and deploys the version to the process engine; it does not become active. */
    void deploy(PolicyVersion version) {
        rulesOf(version);
        engine.deploy(version.number());
    }

    /** How many versions this node has compiled. */
    int size() {
        return rulesByVersion.size();
    }

    /**
     * Lets go of every version this node has loaded that decides nothing any more: not the active one, no process
     * instance of it running, and not a draft uploaded after the active version (it waits to be activated). Its engine
     * deployment, compiled rules and calendars go; a version needed again (a rollback, a statement priced by it) is
     * compiled again. The caller holds the activation lock ({@link PolicyDeployments}) and the active version's
     * ({@link ActivePolicy#unloadUnused}), so that a version being activated is never taken away between its deployment
     * and its switch.
     */
    synchronized List<Integer> unloadUnused(int active) {
        List<Integer> unloaded = new ArrayList<>();
        for (Integer number : List.copyOf(rulesByVersion.keySet())) {
            if (number == active || waitsForActivation(number, active) || engine.hasLiveInstances(number)) {
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

    private boolean waitsForActivation(int number, int active) {
        return number > active
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
