package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.facts.WorkKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compiled policy must pass before it may decide tickets: a complete decision for every tier, hosting and
 * category, its mail templates, and every scenario of its bundle. The server runs it on each upload and activation;
 * the command-line check runs the same.
 */
public final class PolicyChecks {

    /** When the completeness check's tickets arrive: Wednesday 2026-11-18, 10:00 Pacific, in business hours. */
    static final Instant COMPLETENESS_RECEIVED_AT = Instant.parse("2026-11-18T18:00:00Z");

    /** Where the shipped policy prices work; a pricing gap is reported against it. */
    static final String PRICING_FILE = "rules/entitlements.drl";

    private PolicyChecks() {
    }

    /**
     * Runs every check on a thread of its own, each evaluation within the limits: rules that loop, recurse too deep or
     * allocate without end are stopped and the version is rejected, while the server goes on serving.
     */
    public static PolicyCheckResult run(PolicyBundle bundle, PolicyRules rules, PolicyTimeLimit.Limits limits) {
        try {
            return PolicyTimeLimit.run(limits, () -> run(bundle, rules));
        } catch (PolicyEvaluationException stopped) {
            return PolicyCheckResult.stopped(MailTemplates.problems(bundle), stopped.problem());
        }
    }

    static PolicyCheckResult run(PolicyBundle bundle, PolicyRules rules) {
        List<PolicyProblem> problems = new ArrayList<>(MailTemplates.problems(bundle));
        problems.addAll(gaps(rules));
        problems.addAll(unpricedWork(rules));
        return new PolicyCheckResult(problems, PolicyScenarios.run(bundle, rules));
    }

    /**
     * Each tier × hosting × category, the category set by staff, that the rules cannot decide completely: the check
     * the shipped-policy test makes, for any policy.
     */
    static List<PolicyProblem> gaps(PolicyRules rules) {
        List<PolicyProblem> gaps = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (Hosting hosting : Hosting.values()) {
                for (Category category : Category.values()) {
                    TicketFacts facts = new TicketFacts(tier, hosting, "Completeness check", "", Channel.EMAIL,
                            COMPLETENESS_RECEIVED_AT, category);
                    String ticket = "gap: " + tier + " tier, " + hosting + " hosting, " + category + " set by staff: ";
                    PolicyTimeLimit.step("the completeness check of the " + tier + " tier, " + hosting + " hosting, "
                            + category + " set by staff");
                    try {
                        rules.decide(facts);
                    } catch (IncompleteDecisionException gap) {
                        gaps.add(new PolicyProblem(null, 0, ticket + "nothing set for " + String.join(", ", gap.missing())));
                    } catch (RuntimeException crash) {
                        PolicyTimeLimit.rethrowIfFatal(crash);
                        gaps.add(new PolicyProblem(null, 0, ticket + "the rules failed: " + crash.getMessage()));
                    }
                }
            }
        }
        return gaps;
    }

    /** Each tier × kind of work the pricing rules cannot charge: logged time would have no price. */
    static List<PolicyProblem> unpricedWork(PolicyRules rules) {
        List<PolicyProblem> gaps = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            for (WorkKind kind : WorkKind.values()) {
                PolicyTimeLimit.step(PRICING_FILE, 0, "pricing one hour of " + kind + " for the " + tier + " tier");
                try {
                    rules.price(new HoursCharge(tier, kind, Duration.ofHours(1), Duration.ZERO));
                } catch (RuntimeException e) {
                    PolicyTimeLimit.rethrowIfFatal(e);
                    gaps.add(new PolicyProblem(PRICING_FILE, 0, "one hour of " + kind + " for the " + tier
                            + " tier cannot be charged: " + e.getMessage()));
                }
            }
        }
        return gaps;
    }
}
