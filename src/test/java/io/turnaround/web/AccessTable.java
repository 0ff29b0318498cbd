package io.turnaround.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.turnaround.web.AccessTable.Role.ADMIN;
import static io.turnaround.web.AccessTable.Role.AGENT;
import static io.turnaround.web.AccessTable.Role.ANALYST;
import static io.turnaround.web.AccessTable.Role.ANONYMOUS;
import static io.turnaround.web.AccessTable.Role.INTAKE;
import static io.turnaround.web.AccessTable.Role.MANAGER;

/**
 * Who may reach each endpoint, by role: the one table {@link AccessMatrixIT} holds the server to and README's "Who may
 * do what" shows. An endpoint is "METHOD pattern" as Spring MVC maps it. Per-ticket and per-group checks (another
 * group's task, someone else's time entry) come after these and are not in it.
 */
final class AccessTable {

    enum Role { ANONYMOUS, AGENT, MANAGER, ANALYST, ADMIN, INTAKE }

    private static final Role[] EVERYONE = Role.values();
    private static final Role[] STAFF = {AGENT, MANAGER, ANALYST, ADMIN, INTAKE};
    private static final Role[] READERS = {AGENT, MANAGER, ANALYST, ADMIN};
    private static final Role[] WORKERS = {AGENT, MANAGER, ADMIN};
    private static final Role[] MANAGERS = {MANAGER, ADMIN};
    private static final Role[] POLICY_READERS = {MANAGER, ANALYST, ADMIN};
    private static final Role[] POLICY_WRITERS = {ANALYST, ADMIN};

    static final Map<String, Set<Role>> EXPECTED = new LinkedHashMap<>();

    static {
        // REST API: tickets, their conversation, time and quotes
        row("GET /api/tickets", READERS);
        row("POST /api/tickets", INTAKE, AGENT, MANAGER, ADMIN);
        row("GET /api/tickets/{key}", READERS);
        row("POST /api/tickets/{key}/triage", WORKERS);
        row("POST /api/tickets/{key}/category", WORKERS);
        row("POST /api/tickets/{key}/not-an-emergency", WORKERS);
        row("POST /api/tickets/{key}/waiting", WORKERS);
        row("DELETE /api/tickets/{key}/waiting", WORKERS);
        row("POST /api/tickets/{key}/notes", WORKERS);
        row("POST /api/tickets/{key}/replies", WORKERS);
        row("GET /api/tickets/{key}/quotes", READERS);
        row("GET /api/tickets/{key}/time", READERS);
        row("GET /api/tickets/{key}/path", READERS);
        row("POST /api/tickets/{key}/time", WORKERS);
        row("DELETE /api/tickets/{key}/time/{id}", WORKERS);
        // tasks
        row("GET /api/tasks", WORKERS);
        row("GET /api/tasks/{id}", WORKERS);
        row("POST /api/tasks/{id}/claim", WORKERS);
        row("POST /api/tasks/{id}/release", WORKERS);
        row("POST /api/tasks/{id}/delegate", WORKERS);
        row("POST /api/tasks/{id}/complete", WORKERS);
        row("POST /api/tasks/{id}/estimate", WORKERS);
        // clients: chat hours, holidays, plan, hours and statements
        row("GET /api/clients", MANAGERS);
        row("POST /api/clients", MANAGERS);
        row("POST /api/clients/import", MANAGERS);
        row("GET /api/clients/{id}", MANAGERS);
        row("PATCH /api/clients/{id}", MANAGERS);
        row("GET /api/clients/{id}/contacts", MANAGERS);
        row("POST /api/clients/{id}/contacts", MANAGERS);
        row("DELETE /api/clients/{id}/contacts/{contact}", MANAGERS);
        row("GET /api/clients/{id}/audit", MANAGERS);
        row("GET /api/clients/{id}/channels", INTAKE, AGENT, MANAGER, ADMIN);
        row("GET /api/clients/{id}/holidays", MANAGERS);
        row("PUT /api/clients/{id}/holidays", MANAGERS);
        row("PUT /api/clients/{id}/tier", ADMIN);
        row("GET /api/clients/{id}/hours", MANAGERS);
        row("GET /api/clients/{id}/hours/history", MANAGERS);
        row("GET /api/clients/{id}/statements/{month}", MANAGERS);
        row("GET /api/clients/{id}/statements/{month}.csv", MANAGERS);
        row("GET /api/clients/{id}/statements/{month}.pdf", MANAGERS);
        // policy
        row("GET /api/policy", READERS);
        row("POST /api/policy/decisions", READERS);
        row("GET /api/policy/versions", POLICY_READERS);
        row("POST /api/policy/versions", POLICY_WRITERS);
        row("GET /api/policy/versions/{number}", POLICY_READERS);
        row("GET /api/policy/versions/{number}/bundle", POLICY_READERS);
        row("GET /api/policy/versions/{number}/file", POLICY_READERS);
        row("POST /api/policy/versions/{number}/impact", POLICY_WRITERS);
        row("POST /api/policy/versions/{number}/activation", ADMIN);
        row("POST /api/policy/rollback", ADMIN);
        row("GET /api/policy/audit", POLICY_READERS);
        // mail, SLA machinery, API tokens
        row("POST /api/inbound/email", INTAKE, ADMIN);
        row("GET /api/inbound/email/unreadable", MANAGERS);
        row("GET /api/inbound/email/{id}/raw", MANAGERS);
        row("GET /api/mail/outbox", MANAGERS);
        row("POST /api/mail/outbox/{id}/retry", MANAGERS);
        row("GET /api/sla/failed-timers", MANAGERS);
        row("POST /api/sla/failed-timers/{processInstanceId}/retry", MANAGERS);
        row("GET /api/sla/lateness", MANAGERS);
        row("POST /api/admin/retention/run", ADMIN);
        row("GET /api/tokens", STAFF);
        row("POST /api/tokens", STAFF);
        row("DELETE /api/tokens/{id}", STAFF);
        // actuator
        row("GET /actuator", ADMIN);
        row("GET /actuator/health", EVERYONE);
        row("GET /actuator/health/**", EVERYONE);
        row("GET /actuator/info", ADMIN);
        row("GET /actuator/metrics", ADMIN);
        row("GET /actuator/metrics/{requiredMetricName}", ADMIN);
        row("GET /actuator/prometheus", ADMIN);
        // the API's description: staff read it as they call the API, or in the Swagger UI, a staff page
        row("GET /v3/api-docs", STAFF);
        row("GET /v3/api-docs.yaml", STAFF);
        row("GET /v3/api-docs/swagger-config", STAFF);
        row("GET /swagger-ui.html", READERS);
        // staff pages
        row("GET /", READERS);
        row("GET /login", EVERYONE);
        row("GET /tasks", READERS);
        row("GET /tasks/triage", WORKERS);
        row("GET /tasks/events", READERS);
        row("GET /tasks/list", READERS);
        row("POST /tasks/{id}/{action:claim|release|complete|delegate}", WORKERS);
        row("GET /tickets/{key}", READERS);
        row("GET /tickets/{key}/path", READERS);
        row("GET /tickets/{key}/attachments/{id}", READERS);
        row("POST /tickets/{key}/{kind:notes|replies}", WORKERS);
        row("POST /tickets/{key}/category", WORKERS);
        row("POST /tickets/{key}/not-an-emergency", WORKERS);
        row("POST /tickets/{key}/triage", WORKERS);
        row("POST /tickets/{key}/waiting", WORKERS);
        row("POST /tickets/{key}/time", WORKERS);
        row("POST /tickets/{key}/time/{id}/withdrawal", WORKERS);
        row("POST /tickets/{key}/quotes/estimate", WORKERS);
        row("GET /manager", MANAGERS);
        row("GET /manager/unreadable-mail/{id}", MANAGERS);
        row("POST /manager/mail/{id}/retry", MANAGERS);
        row("POST /manager/failed-timers/{processInstanceId}/retry", MANAGERS);
        row("POST /manager/assign", MANAGERS);
        row("POST /clients", MANAGERS);
        row("GET /clients/import", MANAGERS);
        row("POST /clients/import", MANAGERS);
        row("GET /clients/{id}", MANAGERS);
        row("POST /clients/{id}", MANAGERS);
        row("POST /clients/{id}/contacts", MANAGERS);
        row("POST /clients/{id}/contacts/removal", MANAGERS);
        row("POST /clients/{id}/tier", ADMIN);
        row("GET /clients", MANAGERS);
        row("GET /clients/{id}/statements", MANAGERS);
        row("GET /clients/{id}/statements/{month}", MANAGERS);
        row("GET /clients/{id}/statements/{month}.csv", MANAGERS);
        row("GET /clients/{id}/statements/{month}.pdf", MANAGERS);
        row("GET /policy", POLICY_READERS);
        row("POST /policy/versions", POLICY_WRITERS);
        row("GET /policy/versions/{number}", POLICY_READERS);
        row("GET /policy/versions/{number}/file", POLICY_READERS);
        row("GET /policy/versions/{number}/bundle", POLICY_READERS);
        row("POST /policy/versions/{number}/impact", POLICY_WRITERS);
        row("POST /policy/versions/{number}/activation", ADMIN);
        row("GET /policy/compare", POLICY_READERS);
        // process diagrams: everyone on staff sees them, with the tickets at each step
        row("GET /api/processes", READERS);
        row("GET /api/processes/{id}/bpmn", READERS);
        row("GET /api/processes/{id}/traffic", READERS);
        row("GET /api/processes/{id}/nodes/{nodeId}/tickets", READERS);
        row("GET /processes", READERS);
        row("GET /processes/{id}", READERS);
        row("GET /processes/{id}/bpmn", READERS);
        row("GET /processes/{id}/traffic", READERS);
        row("GET /processes/{id}/nodes/{nodeId}/tickets", READERS);
        // reports: managers, analysts and admins
        row("GET /api/reports/backlog", POLICY_READERS);
        row("GET /api/reports/backlog.csv", POLICY_READERS);
        row("GET /reports", POLICY_READERS);
        row("GET /reports/backlog", POLICY_READERS);
        row("GET /reports/backlog.csv", POLICY_READERS);
        row("GET /api/reports/compliance", POLICY_READERS);
        row("GET /api/reports/compliance.csv", POLICY_READERS);
        row("GET /api/reports/compliance/tickets", POLICY_READERS);
        row("GET /reports/compliance", POLICY_READERS);
        row("GET /reports/compliance.csv", POLICY_READERS);
        row("GET /reports/compliance/tickets", POLICY_READERS);
        row("GET /reports/compliance/tickets.json", POLICY_READERS);
        row("GET /api/reports/escalations", POLICY_READERS);
        row("GET /api/reports/escalations.csv", POLICY_READERS);
        row("GET /api/reports/partner", POLICY_READERS);
        row("GET /api/reports/partner.csv", POLICY_READERS);
        row("GET /reports/escalations", POLICY_READERS);
        row("GET /reports/escalations.csv", POLICY_READERS);
        row("GET /reports/partner", POLICY_READERS);
        row("GET /reports/partner.csv", POLICY_READERS);
        row("POST /api/reports/promises/rebuild", ADMIN);
        // the studio: analysts and admins edit workspaces, managers read them
        row("GET /api/studio/workspaces", POLICY_READERS);
        row("POST /api/studio/workspaces", POLICY_WRITERS);
        row("GET /api/studio/workspaces/{id}", POLICY_READERS);
        row("DELETE /api/studio/workspaces/{id}", POLICY_WRITERS);
        row("GET /api/studio/workspaces/{id}/changes", POLICY_READERS);
        row("POST /api/studio/workspaces/{id}/submission", POLICY_WRITERS);
        row("GET /api/studio/workspaces/{id}/file", POLICY_READERS);
        row("PUT /api/studio/workspaces/{id}/file", POLICY_WRITERS);
        row("DELETE /api/studio/workspaces/{id}/file", POLICY_WRITERS);
        row("POST /api/studio/workspaces/{id}/renames", POLICY_WRITERS);
        row("POST /api/studio/workspaces/{id}/check", POLICY_WRITERS);
        row("POST /api/studio/workspaces/{id}/scenarios", POLICY_WRITERS);
        row("POST /api/studio/workspaces/{id}/impact", POLICY_WRITERS);
        row("POST /api/studio/workspaces/{id}/decisions", POLICY_WRITERS);
        row("POST /api/studio/workspaces/{id}/scenario-entries", POLICY_WRITERS);
        row("GET /studio", POLICY_READERS);
        row("POST /studio/workspaces", POLICY_WRITERS);
        row("GET /studio/workspaces/{id}", POLICY_READERS);
        row("GET /studio/workspaces/{id}/changes", POLICY_READERS);
        row("POST /studio/workspaces/{id}/submission", POLICY_WRITERS);
        row("POST /studio/workspaces/{id}/discard", POLICY_WRITERS);
        row("GET /studio/workspaces/{id}/file", POLICY_READERS);
        row("PUT /studio/workspaces/{id}/file", POLICY_WRITERS);
        row("DELETE /studio/workspaces/{id}/file", POLICY_WRITERS);
        row("POST /studio/workspaces/{id}/renames", POLICY_WRITERS);
        row("POST /studio/workspaces/{id}/check", POLICY_WRITERS);
        row("POST /studio/workspaces/{id}/scenarios", POLICY_WRITERS);
        row("POST /studio/workspaces/{id}/impact", POLICY_WRITERS);
        row("POST /studio/workspaces/{id}/decisions", POLICY_WRITERS);
        row("POST /studio/workspaces/{id}/scenario-entries", POLICY_WRITERS);
        // staff accounts
        row("GET /api/staff", ADMIN);
        row("POST /api/staff", ADMIN);
        row("GET /api/staff/audit", ADMIN);
        row("GET /api/staff/{username}", ADMIN);
        row("PATCH /api/staff/{username}", ADMIN);
        row("GET /api/groups", POLICY_READERS);
        row("GET /staff", ADMIN);
        row("POST /staff", ADMIN);
        row("GET /staff/audit", ADMIN);
        row("GET /staff/{username}", ADMIN);
        row("POST /staff/{username}", ADMIN);
        row("POST /staff/{username}/password", ADMIN);
        row("GET /account", READERS);
        row("POST /account/password", READERS);
        row("POST /account/zone", READERS);
        // the first admin's one-time set-up link, while there is no admin
        row("GET /setup", EVERYONE);
        row("POST /setup", EVERYONE);
        // a client answers a quote from the signed link in its mail, without an account
        row("GET /quotes/{token}", EVERYONE);
        row("POST /quotes/{token}/{answer:accept|decline}", EVERYONE);
    }

    private AccessTable() {
    }

    private static void row(String endpoint, Role... may) {
        if (EXPECTED.put(endpoint, may.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(may))) != null) {
            throw new IllegalStateException("two rows for " + endpoint);
        }
    }

    /** The README's table: endpoint rows, role columns, ✓ where the role may. */
    static String markdown(Map<String, Set<Role>> table) {
        String header = "| endpoint | " + Arrays.stream(Role.values()).map(r -> r == ANONYMOUS ? "anonymous" : r.name())
                .collect(Collectors.joining(" | ")) + " |\n";
        String rule = "|---|" + ":-:|".repeat(Role.values().length) + "\n";
        return header + rule + table.entrySet().stream()
                .map(row -> "| `" + row.getKey().replace("|", "\\|") + "` | " + Arrays.stream(Role.values())
                        .map(r -> row.getValue().contains(r) ? "✓" : "–").collect(Collectors.joining(" | ")) + " |\n")
                .collect(Collectors.joining());
    }
}
