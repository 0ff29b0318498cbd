package io.turnaround.workflow;

import io.turnaround.policy.facts.DecisionExplainer;
import org.kie.api.event.rule.AgendaEventListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decision the ticket process's business-rule task makes explains itself as one made outside the engine does:
 * jBPM's Spring factory adds every agenda listener bean to each engine session.
 */
@Configuration(proxyBeanMethods = false)
class DecisionExplaining {

    @Bean
    AgendaEventListener decisionExplainer() {
        return new DecisionExplainer();
    }
}
