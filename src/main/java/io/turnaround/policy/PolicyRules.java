package io.turnaround.policy;

import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.DecisionExplainer;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.HoursCharge;
import io.turnaround.policy.facts.Plan;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import io.turnaround.sla.NamedCalendars;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of one compiled policy version, evaluated without the process engine: the same
 * ruleflow group the process's business-rule task activates, on the same facts.
 */
public final class PolicyRules {

    /** The ruleflow group of every decision rule; the BPMN business-rule task {@code decidePolicy} activates it. */
    public static final String RULEFLOW_GROUP = "ticket-policy";

    /** The ruleflow group that charges logged time and quoted hours (rules/entitlements.drl). */
    public static final String PRICING_GROUP = "hours-pricing";

    private static final DecisionExplainer EXPLAINER = new DecisionExplainer();

    private final KieContainer container;
    private final KieBase kieBase;
    private final NamedCalendars calendars;
    private final Map<Tier, Plan> plans = new ConcurrentHashMap<>();

    private PolicyRules(KieContainer container, NamedCalendars calendars) {
        this.container = container;
        this.kieBase = container.getKieBase(PolicyCompiler.KBASE);
        this.calendars = calendars;
    }

    /** The compiled rules of a version and that version's named calendars, which its decisions may ask for. */
    public static PolicyRules load(ReleaseId releaseId, NamedCalendars calendars) {
        return new PolicyRules(KieServices.get().newKieContainer(releaseId), calendars);
    }

    /**
     * Lets go of the compiled rules: the container is disposed and the KJAR taken out of the KIE repository, which
     * would otherwise keep it. Nothing may evaluate these rules afterwards.
     */
    void unload() {
        ReleaseId releaseId = container.getReleaseId();
        container.dispose();
        KieServices.get().getRepository().removeKieModule(releaseId);
    }

    public NamedCalendars calendars() {
        return calendars;
    }

    /** Runs the policy on the facts; throws if the rules left part of the decision unmade. */
    public Decision decide(TicketFacts facts) {
        KieSession session = kieBase.newKieSession();
        try {
            Decision decision = new Decision(calendars);
            session.addEventListener(EXPLAINER);
            session.insert(facts);
            session.insert(decision);
            session.getAgenda().getAgendaGroup(RULEFLOW_GROUP).setFocus();
            session.fireAllRules();
            if (!decision.isComplete()) {
                throw new IncompleteDecisionException(facts, decision);
            }
            return decision;
        } finally {
            session.dispose();
        }
    }

    /**
     * The plan the rules give a tier. A plan rule depends on the tier alone, so the rules are asked once per tier with a
     * request that says nothing else; null if no rule gives that tier a plan.
     */
    public Plan plan(Tier tier) {
        Plan plan = plans.get(tier);
        if (plan == null) {
            plan = planFromRules(tier);
            if (plan != null) {
                plans.put(tier, plan);
            }
        }
        return plan;
    }

    private Plan planFromRules(Tier tier) {
        KieSession session = kieBase.newKieSession();
        try {
            Decision decision = new Decision(calendars);
            session.insert(new TicketFacts(tier, Hosting.PARTNER, "", "", Channel.EMAIL, Instant.EPOCH, null));
            session.insert(decision);
            session.getAgenda().getAgendaGroup(RULEFLOW_GROUP).setFocus();
            session.fireAllRules();
            return decision.getPlan();
        } catch (RuntimeException e) {
            // Rules that fail on a request with no text cannot have made the plan either: say which tier lacks it.
            throw new IllegalStateException("the policy gives tier " + tier + " no plan: " + e.getMessage(), e);
        } finally {
            session.dispose();
        }
    }

    /** Charges the work by the rules of the pricing group, next to the plan of its tier; throws if no rule priced it. */
    public HoursCharge price(HoursCharge charge) {
        Plan plan = plan(charge.getTier());
        if (plan == null) {
            throw new IllegalStateException("the policy gives tier " + charge.getTier() + " no plan, so " + charge
                    + " cannot be priced");
        }
        KieSession session = kieBase.newKieSession();
        try {
            session.insert(plan);
            session.insert(charge);
            session.getAgenda().getAgendaGroup(PRICING_GROUP).setFocus();
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        if (!charge.isPriced()) {
            throw new IllegalStateException("no rule of the ruleflow group " + PRICING_GROUP + " priced " + charge);
        }
        return charge;
    }
}
