package io.turnaround.policy;

import io.turnaround.policy.facts.TicketFacts;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario written from a request and the decision the policy made for it, as an analyst would write it in
 * {@code rules/scenarios/*.yaml}: the decision becomes what the policy must keep deciding. Times are written in the
 * zone the request was typed in.
 */
public final class ScenarioEntry {

    private ScenarioEntry() {
    }

    /** One list item of a scenario file, ending with a line break. */
    public static String of(String name, TicketFacts facts, ZoneId zone, PolicyDecision decision) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("tier", facts.getTier().name());
        ticket.put("hosting", facts.getHosting().name());
        ticket.put("subject", facts.getSubject());
        if (facts.getBody() != null && !facts.getBody().isBlank()) {
            ticket.put("body", facts.getBody());
        }
        if (facts.getChannel() != null) {
            ticket.put("channel", facts.getChannel().name());
        }
        ticket.put("receivedAt", facts.getReceivedAt().atZone(zone).toOffsetDateTime().toString());
        if (facts.getRequestedCategory() != null) {
            ticket.put("category", facts.getRequestedCategory().name());
        }
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("category", decision.category().name());
        expect.put("route", decision.route().name());
        expect.put("candidateGroup", decision.candidateGroup());
        expect.put("slaTarget", decision.slaTarget().toString());
        expect.put("slaClock", decision.slaClock().label());
        expect.put("slaDueAt", decision.slaDueAt().atZone(zone).toOffsetDateTime().toString());
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", name);
        scenario.put("ticket", ticket);
        scenario.put("expect", expect);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        return new Yaml(options).dump(List.of(scenario));
    }
}
