package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the analysts' scenarios of a policy bundle ({@code rules/scenarios/*.yaml}) against its compiled rules:
 * each scenario's ticket is decided as a real one would be, and the decision compared with what it expects.
 * A policy version whose scenarios do not all pass must not go live.
 */
public final class PolicyScenarios {

    private PolicyScenarios() {
    }

    /**
     * Every scenario of the bundle, decided by {@code rules}; the problems are the scenario files' own. A corpus's
     * requests (a file that sets an accuracy) are counted by the category they get, not failed one by one.
     */
    public static ScenarioReport run(PolicyBundle bundle, PolicyRules rules) {
        ScenarioFiles.Parsed parsed = ScenarioFiles.parse(bundle);
        Map<String, CategoryAccuracy.Counting> corpora = new LinkedHashMap<>();
        parsed.corpora().forEach((file, threshold) -> corpora.put(file, new CategoryAccuracy.Counting(file, threshold)));
        int passed = 0;
        List<ScenarioFailure> failures = new ArrayList<>();
        for (Scenario scenario : parsed.scenarios()) {
            PolicyTimeLimit.step(scenario.file(), scenario.line(), "scenario '" + scenario.name() + "'");
            Outcome outcome = run(scenario, rules, corpora.get(scenario.file()));
            if (outcome.failure() != null) {
                failures.add(outcome.failure());
            } else if (outcome.passed()) {
                passed++;
            }
        }
        return new ScenarioReport(passed, failures, parsed.problems(),
                corpora.values().stream().map(CategoryAccuracy.Counting::result).toList());
    }

    /** A scenario passed, failed (with why), or neither: a corpus request that got another category, counted. */
    private record Outcome(boolean passed, ScenarioFailure failure) {
    }

    private static Outcome run(Scenario scenario, PolicyRules rules, CategoryAccuracy.Counting corpus) {
        List<ScenarioDifference> differences;
        try {
            if (corpus != null && scenario.check() instanceof Scenario.Decides decides) {
                Decision decision = decides.decide(rules);
                if (!corpus.count(scenario, decides.expect().category(), decision.getCategory(), ruleOf(decision))) {
                    return new Outcome(false, null);
                }
                differences = decides.expect().differences(decision);
            } else {
                differences = scenario.check().differences(rules);
            }
        } catch (IncompleteDecisionException gap) {
            return failed(scenario, List.of(), "the policy made no complete decision: nothing set for "
                    + String.join(", ", gap.missing()) + " (every tier needs a plan rule, every category a route and an SLA rule)");
        } catch (RuntimeException crash) {
            PolicyTimeLimit.rethrowIfFatal(crash);
            // A rule's consequence that throws (say a bad duration in tiers.drl) is the policy's fault, shown in one line.
            return failed(scenario, List.of(), "the rules failed on this " + subject(scenario) + ": " + rootMessage(crash));
        }
        return differences.isEmpty() ? new Outcome(true, null) : failed(scenario, differences, null);
    }

    /** The rule that set the category, as the decision explains it; else the reason the rules gave. */
    private static String ruleOf(Decision decision) {
        return decision.getCategoryRule() != null ? decision.getCategoryRule() : decision.getCategoryReason();
    }

    private static String subject(Scenario scenario) {
        return scenario.check() instanceof Scenario.Charges ? "charge" : "ticket";
    }

    private static Outcome failed(Scenario scenario, List<ScenarioDifference> differences, String error) {
        return new Outcome(false, new ScenarioFailure(scenario.file(), scenario.line(), scenario.name(), differences,
                error));
    }

    private static String rootMessage(Throwable crash) {
        Throwable root = crash;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
