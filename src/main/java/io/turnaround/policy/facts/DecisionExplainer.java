package io.turnaround.policy.facts;

import org.drools.core.base.ClassObjectType;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.definitions.rule.impl.RuleImpl;
import org.drools.core.rule.GroupElement;
import org.drools.core.rule.Pattern;
import org.drools.core.rule.RuleConditionElement;
import org.drools.core.spi.AlphaNodeFieldConstraint;
import org.drools.core.spi.Constraint;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.List;

/**
 * Explains decisions as the rules make them: each rule that fires on a {@link Decision} is recorded on it, in order,
 * with the parts it set and the words its conditions matched. The words are found by asking the fired rule's
 * conditions on the request once more, now recording what they match ({@link TicketFacts#matchedWhile}); a
 * condition under {@code not} or {@code exists} is not asked. Stateless: one listener serves every session.
 */
public final class DecisionExplainer extends DefaultAgendaEventListener {

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Decision decision = factOf(event.getMatch(), Decision.class);
        if (decision != null) {
            decision.ruleFiring();
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match match = event.getMatch();
        Decision decision = factOf(match, Decision.class);
        if (decision != null) {
            decision.ruleFired(match.getRule().getName(),
                    matched(match, (InternalWorkingMemory) event.getKieRuntime()));
        }
    }

    /** The words the rule's conditions on the request match now. */
    private static List<MatchedWords> matched(Match match, InternalWorkingMemory memory) {
        InternalFactHandle request = null;
        for (FactHandle handle : match.getFactHandles()) {
            if (handle instanceof InternalFactHandle internal && internal.getObject() instanceof TicketFacts) {
                request = internal;
            }
        }
        if (request == null || !(match.getRule() instanceof RuleImpl rule)) {
            return List.of();
        }
        List<AlphaNodeFieldConstraint> conditions = new ArrayList<>();
        conditionsOnTheRequest(rule.getLhs(), conditions);
        InternalFactHandle handle = request;
        return TicketFacts.matchedWhile(() -> conditions.forEach(condition -> condition.isAllowed(handle, memory)));
    }

    private static void conditionsOnTheRequest(GroupElement group, List<AlphaNodeFieldConstraint> conditions) {
        if (group.isNot() || group.isExists()) {
            return;
        }
        for (RuleConditionElement element : group.getChildren()) {
            if (element instanceof GroupElement nested) {
                conditionsOnTheRequest(nested, conditions);
            } else if (element instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType type
                    && type.getClassType() == TicketFacts.class) {
                for (Constraint constraint : pattern.getConstraints()) {
                    if (constraint instanceof AlphaNodeFieldConstraint condition) {
                        conditions.add(condition);
                    }
                }
            }
        }
    }

    private static <T> T factOf(Match match, Class<T> type) {
        for (Object fact : match.getObjects()) {
            if (type.isInstance(fact)) {
                return type.cast(fact);
            }
        }
        return null;
    }
}
