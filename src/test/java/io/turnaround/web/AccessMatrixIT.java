package io.turnaround.web;

import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import io.turnaround.web.AccessTable.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.metrics.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application maps, called by an anonymous visitor and by each role (an agent of every group) on
 * the real server: the plain request must get exactly what {@link AccessTable} says, and every other spelling of it
 * ({@link Variant}) the same answer or a rejection. The second wall, each write's own role check, is held to the same
 * table, and README's "Who may do what" is the table. The metrics are exported as in production, so that
 * {@code /actuator/prometheus} is there to be asked.
 */
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:access;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                "logging.level.org.springframework.web.servlet.PageNotFound=ERROR"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends ServerTestBase {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}|\\*\\*");

    @Autowired
    ApplicationContext context;
    private final List<Caller> callers = new ArrayList<>();
    private Map<String, String> values;

    @BeforeAll
    void signEveryoneIn() {
        // BCrypt at its cheapest for the demo accounts: thousands of basic-auth calls would cost ~100 ms each otherwise.
        jdbc.update("update staff_user set password_hash = ?", new BCryptPasswordEncoder(4).encode("demo"));
        callers.add(Caller.anonymous(port));
        Map.of("alice", Role.AGENT, "dave", Role.AGENT, "hana", Role.AGENT, "sam", Role.AGENT, "tess", Role.AGENT,
                        "maria", Role.MANAGER, "andy", Role.ANALYST, "admin", Role.ADMIN, "intake", Role.INTAKE)
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(user -> callers.add(Caller.signedIn(port, user.getKey(), user.getValue())));
        String ticket = new Api(port).post("intake", "/api/tickets",
                "{\"from\":\"help@silverline.example\",\"subject\":\"Export fails\",\"body\":\"since Monday\"}")
                .body().get("key").asText();
        String client = String.valueOf(jdbc.queryForObject("select id from client where name = 'Silverline Media'", Long.class));
        // Real values where the answer depends on them; elsewhere ids that do not exist, so nothing is really done.
        values = Map.ofEntries(Map.entry("key", ticket), Map.entry("client", client), Map.entry("number", "1"),
                Map.entry("month", "2026-11"), Map.entry("token", "no-such-quote-link"),
                Map.entry("requiredMetricName", "jvm.threads.live"), Map.entry("kind", "notes"),
                Map.entry("action", "claim"), Map.entry("answer", "decline"), Map.entry("**", "liveness"),
                Map.entry("username", "no-such-person"), Map.entry("contact", "nobody@nowhere.example"));
    }

    @Test
    void everyMappedEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> mapped = Endpoints.of(context).stream().map(Endpoints.Endpoint::key).collect(Collectors.toSet());

        assertThat(mapped).as("endpoints with no row in AccessTable: add a row saying who may call each")
                .isSubsetOf(AccessTable.EXPECTED.keySet());
        assertThat(AccessTable.EXPECTED.keySet()).as("rows of AccessTable for endpoints that no longer exist: remove them")
                .isSubsetOf(mapped);
    }

    @Test
    void eachRoleGetsWhatTheTableSaysHoweverThePathIsSpelled() {
        Map<String, Object> before = state();
        List<String> wrong = new ArrayList<>();
        Map<String, Map<Role, Set<Outcome>>> observed = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Role>> row : AccessTable.EXPECTED.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String pattern = row.getKey().substring(method.length() + 1);
            String path = filled(pattern);
            boolean api = path.startsWith("/api/") || path.startsWith("/actuator");
            Payload body = Payload.of(method, pattern, api);
            for (Caller caller : callers) {
                Outcome plain = Outcome.of(caller.send(api, method, path + body.query(), body.type(), body.content()));
                observed.computeIfAbsent(row.getKey(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(caller.role, r -> EnumSet.noneOf(Outcome.class)).add(plain);
                Outcome expected = row.getValue().contains(caller.role) ? Outcome.ALLOWED : Outcome.DENIED;
                if (plain != expected) {
                    wrong.add(row.getKey() + " as " + caller + ": " + plain + ", the table says " + expected);
                }
                for (Variant variant : Variant.values()) {
                    if (!variant.appliesTo(method, path)) {
                        continue;
                    }
                    String sent = variant.method(method) + " " + variant.path(path);
                    Caller.Answer answer = caller.send(api, variant.method(method), variant.path(path) + body.query(),
                            body.type(), body.content());
                    Outcome outcome = Outcome.of(answer);
                    if (outcome != plain && outcome != Outcome.REJECTED) {
                        wrong.add(sent + " as " + caller + ": " + outcome + " (" + answer.status() + "), the plain "
                                + row.getKey() + " is " + plain);
                    }
                }
            }
        }
        System.out.println(table(observed));

        assertThat(wrong).as("answers that differ from AccessTable").isEmpty();
        assertThat(state()).as("what the requests that passed security changed: nothing, or later rows would see it")
                .isEqualTo(before);
    }

    @Test
    void everyWriteChecksItsRolesAgainOnItsMethod() {
        List<String> wrong = SecondWall.check(Endpoints.of(context), context);

        assertThat(wrong).as("controller methods whose own role check does not match AccessTable").isEmpty();
    }

    @Test
    void theReadmeShowsTheTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String expected = AccessTable.markdown(AccessTable.EXPECTED);
        int section = readme.indexOf("### Who may do what\n");
        assertThat(section).as("README has a section \"### Who may do what\"").isNotNegative();
        String shown = readme.substring(section).lines().dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|")).collect(Collectors.joining("\n", "", "\n"));

        assertThat(shown).as("README's table under \"### Who may do what\" must be AccessTable's; paste this:\n"
                + expected).isEqualTo(expected);
    }

    /** What a request that really did something would leave behind. */
    private Map<String, Object> state() {
        Map<String, Object> state = new TreeMap<>();
        for (String table : List.of("api_token", "client_holiday", "inbound_mail", "outbound_mail", "policy_version",
                "quote", "ticket", "ticket_message", "time_entry", "task_list_entry")) {
            state.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        state.put("tiers", jdbc.queryForList("select tier from client order by id", String.class));
        state.put("active", jdbc.queryForList("select number from policy_version where state = 'ACTIVE'", Integer.class));
        state.put("tickets", jdbc.queryForList("select status || ' ' || category || ' ' || route from ticket order by id",
                String.class));
        state.put("tasks", jdbc.queryForList("select status || ' ' || coalesce(assignee, '-') from task_list_entry"
                + " order by task_id", String.class));
        return state;
    }

    /** The pattern with a value for each variable: {id} is a real client under /clients/, a missing one elsewhere. */
    private String filled(String pattern) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) == null ? "**" : variable.group(1);
            boolean clientId = name.equals("id") && pattern.regionMatches(variable.start() - 9, "/clients/", 0, 9);
            String value = clientId ? values.get("client") : values.getOrDefault(name, "999999");
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(path).toString();
    }

    /** What a request carries: harmless or invalid, so that one passing security changes nothing later rows see. */
    private record Payload(String type, String content, String query) {

        static Payload of(String method, String pattern, boolean api) {
            String query = pattern.endsWith("/impact") ? "?tickets=1" : "";
            if (method.equals("GET") || method.equals("DELETE")) {
                return new Payload(null, null, query);
            }
            if (!api) {
                return new Payload("application/x-www-form-urlencoded", "", query);
            }
            return switch (pattern) {
                case "/api/policy/versions" -> new Payload("application/zip", "not a zip", query);
                case "/api/inbound/email" -> new Payload("message/rfc822", "", query);
                default -> new Payload("application/json", "{}", query);
            };
        }
    }

    /** Endpoint rows × role columns: ✓ passed the walls, – refused, ✗ rejected; mixed answers within a role side by side. */
    private static String table(Map<String, Map<Role, Set<Outcome>>> observed) {
        int width = observed.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder out = new StringBuilder(String.format("%n%-" + width + "s", "endpoint"));
        for (Role role : Role.values()) {
            out.append(String.format(" %9s", role == Role.ANONYMOUS ? "anonymous" : role.name()));
        }
        observed.forEach((endpoint, byRole) -> {
            out.append(String.format("%n%-" + width + "s", endpoint));
            for (Role role : Role.values()) {
                out.append(String.format(" %9s", byRole.get(role).stream().map(Outcome::mark)
                        .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining())));
            }
        });
        return out.toString();
    }
}
