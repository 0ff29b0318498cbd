package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.sla.NamedCalendars;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/**
 * The rules of one compiled policy version, evaluated without the process engine: the same
 * ruleflow group the process's business-rule task activates, on the same facts.
 */
public final class PolicyRules {

    /** The ruleflow group of every decision rule; the BPMN business-rule task {@code decidePolicy} activates it. */
    public static final String RULEFLOW_GROUP = "ticket-policy";

    private final KieBase kieBase;
    private final NamedCalendars calendars;

    private PolicyRules(KieBase kieBase, NamedCalendars calendars) {
        this.kieBase = kieBase;
        this.calendars = calendars;
    }

    /** The compiled rules of a version and that version's named calendars, which its decisions may ask for. */
    public static PolicyRules load(ReleaseId releaseId, NamedCalendars calendars) {
        return new PolicyRules(KieServices.get().newKieContainer(releaseId).getKieBase(PolicyCompiler.KBASE), calendars);
    }

    public NamedCalendars calendars() {
        return calendars;
    }

    /** Runs the policy on the facts; throws if the rules left part of the decision unmade. */
    public Decision decide(TicketFacts facts) {
        KieSession session = kieBase.newKieSession();
        try {
            Decision decision = new Decision(calendars);
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
}
