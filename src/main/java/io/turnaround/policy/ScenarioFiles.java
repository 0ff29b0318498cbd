package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import io.turnaround.policy.ScenarioValues.Parser;
import io.turnaround.sla.LocalHolidays;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.turnaround.policy.ScenarioValues.enumOf;
import static io.turnaround.policy.ScenarioValues.names;

/**
 * Reads the scenario files of a bundle ({@code rules/scenarios/*.yaml}): each is a list of scenarios with a
 * {@code name}, a {@code ticket} and what to {@code expect}. The YAML is read as nodes, not objects, so that
 * every problem (bad YAML, an unknown key, a bad value, a missing part, a name used twice) names its file and line.
 * A scenario with a problem is left out; the others in its file still run.
 */
final class ScenarioFiles {

    record Parsed(List<Scenario> scenarios, List<PolicyProblem> problems) {
    }

    private static final List<String> SCENARIO_KEYS = List.of("name", "ticket", "expect");
    private static final List<String> TICKET_KEYS =
            List.of("tier", "hosting", "subject", "body", "channel", "receivedAt", "category", "client");
    private static final List<String> CLIENT_KEYS = List.of("zone", "holidays");

    private final String file;
    private final List<PolicyProblem> problems;

    private ScenarioFiles(String file, List<PolicyProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Every scenario of the bundle's scenario files, in file order, and every problem found reading them. */
    static Parsed parse(PolicyBundle bundle) {
        List<Scenario> scenarios = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        bundle.files().forEach((path, content) -> {
            if (PolicyBundle.isScenarioFile(path)) {
                List<PolicyProblem> inFile = new ArrayList<>();
                scenarios.addAll(new ScenarioFiles(path, inFile).read(content));
                inFile.sort(Comparator.comparingInt(PolicyProblem::line));
                problems.addAll(inFile);
            }
        });
        return new Parsed(scenarios, problems);
    }

    private List<Scenario> read(String content) {
        Node root;
        try {
            root = new Yaml().compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new PolicyProblem(file, mark == null ? 0 : mark.getLine() + 1, notYaml(e)));
            return List.of();
        } catch (YAMLException e) {
            problems.add(new PolicyProblem(file, 0, "not valid YAML: " + e.getMessage()));
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            problem(root, "a scenario file is a list of scenarios, each starting with '- name:'");
            return List.of();
        }
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (Node item : list.getValue()) {
            Scenario scenario = scenario(item, names);
            if (scenario != null) {
                scenarios.add(scenario);
            }
        }
        return scenarios;
    }

    private static String notYaml(MarkedYAMLException e) {
        String problem = (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem();
        String hint = "";
        if (problem.contains("mapping values are not allowed")) {
            hint = " (a value holding ': ' needs quotes, e.g. subject: \"Site is down: error 500\")";
        } else if (problem.contains("single document")) {
            hint = " (a file holds one list of scenarios: remove the '---' line)";
        }
        return "not valid YAML: " + problem + hint;
    }

    /** The scenario, or null when it has a problem (reported). */
    private Scenario scenario(Node item, Map<String, Integer> names) {
        if (!(item instanceof MappingNode node)) {
            problem(item, "a scenario has a name, a ticket and what to expect: '- name: ...' then 'ticket:' and 'expect:'");
            return null;
        }
        int problemsBefore = problems.size();
        Fields fields = new Fields(node, "a scenario", SCENARIO_KEYS);
        String name = fields.value("name", String::strip);
        if (name == null || name.isEmpty()) {
            problem(node, "a scenario needs a name that says the behaviour it pins down");
        } else if (names.containsKey(name)) {
            problem(node, "another scenario in this file is already named '" + name + "' (line " + names.get(name) + ")");
        } else {
            names.put(name, line(node));
        }
        String called = name == null || name.isEmpty() ? "this scenario" : "scenario '" + name + "'";
        MappingNode ticketNode = fields.mapping("ticket");
        TicketFacts ticket = null;
        if (ticketNode != null) {
            ticket = ticket(ticketNode);
        } else if (!fields.has("ticket")) {
            problem(node, called + " has no ticket: give at least its tier, hosting and receivedAt");
        }
        MappingNode expectNode = fields.mapping("expect");
        ScenarioExpectation expect = null;
        if (expectNode != null) {
            expect = expectation(expectNode, called);
        } else if (!fields.has("expect")) {
            problem(node, called + " has no expect: give any of " + String.join(", ", ScenarioExpectation.FIELDS));
        }
        return problems.size() == problemsBefore ? new Scenario(file, line(node), name, ticket, expect) : null;
    }

    private TicketFacts ticket(MappingNode node) {
        Fields fields = new Fields(node, "the ticket", TICKET_KEYS);
        Tier tier = fields.required("tier", enumOf(Tier.class, "a tier"), "one of " + names(Tier.values()));
        Hosting hosting = fields.required("hosting", enumOf(Hosting.class, "a kind of hosting"), "one of " + names(Hosting.values()));
        ZonedDateTime receivedAt = fields.required("receivedAt", ScenarioValues::dateTime,
                "the moment it arrived, like 2026-03-02T09:00:00-08:00");
        String subject = fields.value("subject", text -> text);
        String body = fields.value("body", text -> text);
        Channel channel = fields.value("channel", enumOf(Channel.class, "a channel"));
        Category category = fields.value("category", enumOf(Category.class, "a category"));
        MappingNode clientNode = fields.mapping("client");
        LocalHolidays holidays = clientNode == null ? LocalHolidays.none() : client(clientNode);
        if (tier == null || hosting == null || receivedAt == null || holidays == null) {
            return null;
        }
        return new TicketFacts(tier, hosting, subject, body, channel, receivedAt.toInstant(), category, holidays);
    }

    /** The client's own holidays in its zone; null on a problem. */
    private LocalHolidays client(MappingNode node) {
        Fields fields = new Fields(node, "the client", CLIENT_KEYS);
        ZoneId zone = fields.required("zone", ScenarioValues::zone, "the client's IANA time zone, like Asia/Tokyo");
        List<LocalDate> dates = fields.list("holidays", ScenarioValues::date);
        return zone == null || dates == null ? null : LocalHolidays.of(zone, dates);
    }

    private ScenarioExpectation expectation(MappingNode node, String called) {
        int problemsBefore = problems.size();
        Fields fields = new Fields(node, "expect", ScenarioExpectation.FIELDS);
        ScenarioExpectation expect = new ScenarioExpectation(
                fields.value("category", enumOf(Category.class, "a category")),
                fields.value("route", enumOf(Route.class, "a route")),
                fields.value("candidateGroup", String::strip),
                fields.value("slaTarget", ScenarioValues::duration),
                fields.value("slaClock", ScenarioValues::slaClock),
                fields.value("slaDueAt", ScenarioValues::dateTime));
        if (expect.isEmpty() && problems.size() == problemsBefore) {
            problem(node, called + " expects nothing: give any of " + String.join(", ", ScenarioExpectation.FIELDS));
        }
        return expect;
    }

    private void problem(Node node, String message) {
        problems.add(new PolicyProblem(file, line(node), message));
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static boolean isEmpty(Node node) {
        return node == null || node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** The keys of one mapping (a scenario, a ticket, a client, expect), checked against the keys it may have. */
    private final class Fields {
        private final MappingNode node;
        private final String what;
        private final Map<String, Node> keys = new HashMap<>();
        private final Map<String, Node> values = new HashMap<>();

        Fields(MappingNode node, String what, List<String> allowed) {
            this.node = node;
            this.what = what;
            for (NodeTuple tuple : node.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    problem(tuple.getKeyNode(), what + " has a key that is not a word; its keys are " + String.join(", ", allowed));
                    continue;
                }
                String name = key.getValue();
                if (!allowed.contains(name)) {
                    String close = allowed.stream().filter(name::equalsIgnoreCase).findFirst()
                            .map(k -> "; did you mean '" + k + "'?").orElse("; its keys are " + String.join(", ", allowed));
                    problem(key, "unknown key '" + name + "' in " + what + close);
                } else if (keys.containsKey(name)) {
                    int first = line(keys.get(name));
                    problem(key, "'" + name + "' is given twice in " + what + (first == line(key) ? "" : " (first on line " + first + ")"));
                } else {
                    keys.put(name, key);
                    values.put(name, tuple.getValueNode());
                }
            }
        }

        boolean has(String key) {
            return keys.containsKey(key);
        }

        /** The field's value, or null when it is absent or empty; a value not of the field's form is reported. */
        <T> T value(String key, Parser<T> parser) {
            Node value = values.get(key);
            if (isEmpty(value)) {
                return null;
            }
            if (!(value instanceof ScalarNode scalar)) {
                problem(value, key + " in " + what + " takes one value, not a list or a mapping");
                return null;
            }
            return parse(key, scalar, parser);
        }

        /** Like {@link #value} but reported when absent; {@code form} says what to give. */
        <T> T required(String key, Parser<T> parser, String form) {
            if (isEmpty(values.get(key))) {
                problem(keys.containsKey(key) ? keys.get(key) : node, what + " needs a " + key + ": " + form);
                return null;
            }
            return value(key, parser);
        }

        /** A list, {@code [a, b]} or one {@code - a} per line (one value alone is a list of one); null on a problem. */
        <T> List<T> list(String key, Parser<T> parser) {
            Node value = values.get(key);
            if (isEmpty(value)) {
                return List.of();
            }
            List<Node> items = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
            int problemsBefore = problems.size();
            List<T> parsed = new ArrayList<>();
            for (Node item : items) {
                if (item instanceof ScalarNode scalar) {
                    parsed.add(parse(key, scalar, parser));
                } else {
                    problem(item, key + " in " + what + " is a list of values, like [2026-12-24, 2026-12-31]");
                }
            }
            return problems.size() == problemsBefore ? parsed : null;
        }

        /** A nested mapping (the ticket, the client, expect); null when absent, empty or not a mapping (reported). */
        MappingNode mapping(String key) {
            Node value = values.get(key);
            if (isEmpty(value)) {
                if (keys.containsKey(key)) {
                    problem(keys.get(key), key + " in " + what + " is empty: put its keys on the lines below, indented");
                }
                return null;
            }
            if (!(value instanceof MappingNode mapping)) {
                problem(value, key + " in " + what + " holds keys and values, one per line, indented under '" + key + ":'");
                return null;
            }
            return mapping;
        }

        private <T> T parse(String key, ScalarNode scalar, Parser<T> parser) {
            try {
                return parser.parse(scalar.getValue());
            } catch (ScenarioValues.BadValue e) {
                problem(scalar, key + ": " + e.getMessage());
                return null;
            }
        }
    }
}
