package io.turnaround.rollout;

import io.swagger.v3.oas.annotations.media.Schema;
import io.turnaround.client.Client;
import io.turnaround.client.ClientHolidays;
import io.turnaround.client.Clients;
import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.LoadedPolicies;
import io.turnaround.policy.PolicyAudit;
import io.turnaround.policy.PolicyBundle;
import io.turnaround.policy.PolicyDecision;
import io.turnaround.policy.PolicyDeployments;
import io.turnaround.policy.PolicyDrafts;
import io.turnaround.policy.PolicyEvaluationException;
import io.turnaround.policy.PolicyTimeLimit;
import io.turnaround.policy.PolicyVersion;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketLookup;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a policy version would change: the latest tickets are decided again, on the same facts, by the active version
 * and by the one previewed, and the decisions compared. Nothing is stored but the audit entry.
 */
@Service
public class PolicyImpact {

    /** The fields compared, in the order they are reported. */
    static final List<String> FIELDS = List.of("category", "route", "slaTarget", "slaDueAt");

    private final TicketLookup tickets;
    private final Clients clients;
    private final ClientHolidays holidays;
    private final ActivePolicy policy;
    private final LoadedPolicies policies;
    private final PolicyDeployments deployments;
    private final PolicyAudit audit;
    private final PolicyDrafts drafts;

    PolicyImpact(TicketLookup tickets, Clients clients, ClientHolidays holidays, ActivePolicy policy,
                 LoadedPolicies policies, PolicyDeployments deployments, PolicyAudit audit, PolicyDrafts drafts) {
        this.tickets = tickets;
        this.clients = clients;
        this.holidays = holidays;
        this.policy = policy;
        this.policies = policies;
        this.deployments = deployments;
        this.audit = audit;
        this.drafts = drafts;
    }

    /** One ticket the new version decides differently; {@code changed} names the fields. */
    @Schema(name = "ImpactChange")
    public record Change(String key, String client, PolicyDecision before, PolicyDecision after, List<String> changed) {
    }

    /** {@code changedFields} counts tickets per changed field; {@code failures} are tickets a version could not decide. */
    @Schema(name = "ImpactReport")
    public record Report(int version, int comparedWith, int tickets, int unchanged, Map<String, Integer> changedFields,
                         List<Change> changes, List<String> failures) {
    }

    /**
     * Replays the latest tickets under the check limits: a candidate whose rules do not finish a ticket is stopped,
     * and the preview fails with {@link PolicyEvaluationException} naming that ticket (the refusal is audited).
     */
    public Report preview(int versionNumber, int latest, String actor) {
        PolicyVersion candidate = deployments.version(versionNumber);
        PolicyVersion active = policy.active();
        List<Ticket> replayed = tickets.latestDecided(latest);
        Report report;
        try {
            report = policies.underCheckLimits(() -> replay(candidate, active, replayed));
        } catch (PolicyEvaluationException stopped) {
            audit.record(actor, PolicyAudit.Action.PREVIEW, candidate, "STOPPED", stopped.getMessage());
            throw stopped;
        }
        audit.record(actor, PolicyAudit.Action.PREVIEW, candidate, report.failures().isEmpty() ? "OK" : "FAILURES",
                summary(report));
        return report;
    }

    /**
     * The same replay for a draft that is no version yet (a studio workspace): its report's version is 0, and nothing
     * is audited. Throws {@link PolicyEvaluationException} when the draft's rules are stopped.
     */
    public Report previewDraft(PolicyBundle draft, int latest) {
        PolicyVersion active = policy.active();
        List<Ticket> replayed = tickets.latestDecided(latest);
        return drafts.evaluate(draft, decide -> replay(0, decide, active, replayed));
    }

    private Report replay(PolicyVersion candidate, PolicyVersion active, List<Ticket> replayed) {
        return replay(candidate.number(), facts -> policies.decide(candidate, facts), active, replayed);
    }

    private Report replay(int candidate, Function<TicketFacts, PolicyDecision> decide, PolicyVersion active,
                          List<Ticket> replayed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        FIELDS.forEach(f -> counts.put(f, 0));
        List<Change> changes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Ticket ticket : replayed) {
            PolicyTimeLimit.step("ticket " + ticket.key());
            Client client = clients.findByTicket(ticket.id()).orElseThrow();
            TicketFacts facts = new TicketFacts(ticket.tier(), client.hosting(), ticket.subject(), ticket.decidedText(),
                    ticket.decidedChannel(), ticket.clockFrom(), ticket.requestedCategory(), holidays.forPolicy(client));
            try {
                PolicyDecision before = policies.decide(active, facts);
                PolicyDecision after = decide.apply(facts);
                List<String> changed = changedFields(before, after);
                changed.forEach(f -> counts.merge(f, 1, Integer::sum));
                if (!changed.isEmpty()) {
                    changes.add(new Change(ticket.key(), client.name(), before, after, changed));
                }
            } catch (RuntimeException e) {
                PolicyTimeLimit.rethrowIfFatal(e);
                failures.add(ticket.key() + ": " + e.getMessage());
            }
        }
        return new Report(candidate, active.number(), replayed.size(),
                replayed.size() - changes.size() - failures.size(), counts, changes, failures);
    }

    static String summary(Report report) {
        StringBuilder text = new StringBuilder(report.tickets() + " latest tickets replayed against version "
                + report.comparedWith() + ": " + report.changes().size() + " would change");
        report.changedFields().forEach((field, count) -> text.append(", ").append(field).append(' ').append(count));
        if (!report.failures().isEmpty()) {
            text.append("; ").append(report.failures().size()).append(" could not be decided");
        }
        return text.toString();
    }

    private static List<String> changedFields(PolicyDecision before, PolicyDecision after) {
        List<String> changed = new ArrayList<>();
        add(changed, "category", before.category(), after.category());
        add(changed, "route", before.route(), after.route());
        add(changed, "slaTarget", before.slaTarget(), after.slaTarget());
        add(changed, "slaDueAt", before.slaDueAt(), after.slaDueAt());
        return changed;
    }

    private static void add(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
