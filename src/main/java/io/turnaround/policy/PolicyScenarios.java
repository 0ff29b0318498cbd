package io.turnaround.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the analysts' scenarios of a policy bundle ({@code rules/scenarios/*.yaml}) against its compiled rules:
 * each scenario's ticket is decided as a real one would be, and the decision compared with what it expects.
 * A policy version whose scenarios do not all pass must not go live.
 */
public final class PolicyScenarios {

    private PolicyScenarios() {
    }

    /** Every scenario of the bundle, decided by {@code rules}; the problems are the scenario files' own. */
    public static ScenarioReport run(PolicyBundle bundle, PolicyRules rules) {
        ScenarioFiles.Parsed parsed = ScenarioFiles.parse(bundle);
        int passed = 0;
        List<ScenarioFailure> failures = new ArrayList<>();
        for (Scenario scenario : parsed.scenarios()) {
            PolicyTimeLimit.step(scenario.file(), scenario.line(), "scenario '" + scenario.name() + "'");
            ScenarioFailure failure = run(scenario, rules);
            if (failure == null) {
                passed++;
            } else {
                failures.add(failure);
            }
        }
        return new ScenarioReport(passed, failures, parsed.problems());
    }

    /** The scenario's failure, or null when it passes. */
    private static ScenarioFailure run(Scenario scenario, PolicyRules rules) {
        List<ScenarioDifference> differences;
        try {
            differences = scenario.check().differences(rules);
        } catch (IncompleteDecisionException gap) {
            return failure(scenario, List.of(), "the policy made no complete decision: nothing set for "
                    + String.join(", ", gap.missing()) + " (every tier needs a plan rule, every category a route and an SLA rule)");
        } catch (RuntimeException crash) {
            PolicyTimeLimit.rethrowIfFatal(crash);
            // A rule's consequence that throws (say a bad duration in tiers.drl) is the policy's fault, shown in one line.
            return failure(scenario, List.of(), "the rules failed on this " + subject(scenario) + ": " + rootMessage(crash));
        }
        return differences.isEmpty() ? null : failure(scenario, differences, null);
    }

    private static String subject(Scenario scenario) {
        return scenario.check() instanceof Scenario.Charges ? "charge" : "ticket";
    }

    private static ScenarioFailure failure(Scenario scenario, List<ScenarioDifference> differences, String error) {
        return new ScenarioFailure(scenario.file(), scenario.line(), scenario.name(), differences, error);
    }

    private static String rootMessage(Throwable crash) {
        Throwable root = crash;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
