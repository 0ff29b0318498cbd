package io.turnaround.policy;

import io.turnaround.policy.facts.TicketFacts;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Policy files that are no version yet, an analyst's draft in the studio: compiled with the upload's checks, their
 * scenarios run, a ticket decided by them. Nothing is stored. The last few drafts compiled stay loaded, keyed by their
 * content, so that trying ticket after ticket on a draft compiles it once; the rest are let go of.
 */
@Service
public class PolicyDrafts {

    /** How many compiled drafts are kept for the next question; each holds a compiled rule base. */
    private static final int KEPT = 2;

    private final PolicySettings settings;
    private final AtomicLong compilations = new AtomicLong();
    private final Map<String, PolicyRules> compiled = new LinkedHashMap<>(4, 0.75f, true);

    PolicyDrafts(PolicySettings settings) {
        this.settings = settings;
    }

    /** What compiling found and how long it took. */
    public record Compiled(List<PolicyProblem> problems, Duration took) {
    }

    /**
     * The checks an upload makes before it runs anything: the sandbox, the DRL and BPMN compilers, the calendars and
     * the mail templates. Each problem names its file and line where the compiler gives one.
     */
    public Compiled compile(PolicyBundle bundle) {
        long started = System.nanoTime();
        List<PolicyProblem> problems = new ArrayList<>();
        try {
            using(bundle, rules -> rules);
        } catch (PolicyCompilationException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(MailTemplates.problems(bundle));
        return new Compiled(problems, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Every check of an upload, scenarios included, within the check limits. */
    public PolicyCheckResult check(PolicyBundle bundle) {
        try {
            return using(bundle, rules -> PolicyChecks.run(bundle, rules, settings.limits()));
        } catch (PolicyCompilationException e) {
            List<PolicyProblem> problems = new ArrayList<>(e.problems());
            problems.addAll(MailTemplates.problems(bundle));
            return PolicyCheckResult.problems(problems);
        }
    }

    /**
     * The draft's decision on one request, within the check limits. Throws {@link PolicyCompilationException} when the
     * draft does not compile and {@link PolicyEvaluationException} when its rules are stopped.
     */
    public PolicyDecision decide(PolicyBundle bundle, TicketFacts facts) {
        return evaluate(bundle, draft -> {
            PolicyTimeLimit.step("the ticket tried");
            return draft.apply(facts);
        });
    }

    /**
     * Runs work that asks the draft for decisions (an impact preview) within the check limits; each decision marks
     * itself with {@link PolicyTimeLimit#step}. Decisions carry version 0: they are no version's.
     */
    public <T> T evaluate(PolicyBundle bundle, Function<Function<TicketFacts, PolicyDecision>, T> work) {
        return using(bundle, rules -> PolicyTimeLimit.run(settings.limits(),
                () -> work.apply(facts -> PolicyDecision.of(rules.decide(facts), facts, 0))));
    }

    /** Runs the work on the draft's compiled rules; they are not let go of while it runs. */
    private <T> T using(PolicyBundle bundle, Function<PolicyRules, T> work) {
        String hash = bundle.contentHash();
        while (true) {
            PolicyRules rules = rulesOf(hash, bundle);
            synchronized (rules) {
                // Evicted meanwhile (and so about to be let go of): compile it again.
                if (kept(hash) == rules) {
                    return work.apply(rules);
                }
            }
        }
    }

    private PolicyRules kept(String hash) {
        synchronized (compiled) {
            return compiled.get(hash);
        }
    }

    private PolicyRules rulesOf(String hash, PolicyBundle bundle) {
        PolicyRules kept = kept(hash);
        if (kept != null) {
            return kept;
        }
        List<PolicyRules> evicted = new ArrayList<>();
        // Drafts are compiled as 0.0.n, apart from the versions' own numbers.
        PolicyRules rules = PolicyRules.load(PolicyCompiler.compile(bundle, "0.0." + compilations.incrementAndGet()),
                bundle.calendars());
        synchronized (compiled) {
            PolicyRules raced = compiled.putIfAbsent(hash, rules);
            if (raced != null) {
                evicted.add(rules);
                rules = raced;
            }
            while (compiled.size() > KEPT) {
                evicted.add(compiled.remove(compiled.keySet().iterator().next()));
            }
        }
        for (PolicyRules old : evicted) {
            synchronized (old) {
                old.unload();
            }
        }
        return rules;
    }
}
