package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import io.turnaround.sla.LocalHolidays;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.turnaround.policy.ScenarioValues.enumOf;
import static io.turnaround.policy.ScenarioValues.names;

/**
 * Reads the scenario files of a bundle ({@code rules/scenarios/*.yaml}): each is a list of scenarios with a
 * {@code name}, a {@code ticket} (or a {@code charge}, see {@link ChargeScenario}) and what to {@code expect}. The YAML is read as nodes, not objects, so that
 * every problem (bad YAML, an unknown key, a bad value, a missing part, a name used twice) names its file and line.
 * A scenario with a problem is left out; the others in its file still run.
 */
final class ScenarioFiles {

    /**
     * The scenarios, the problems, and the corpora: the files that set an {@code accuracy}, each with the share of
     * its requests that must get the category they expect (0 to 100).
     */
    record Parsed(List<Scenario> scenarios, List<PolicyProblem> problems, Map<String, BigDecimal> corpora) {
    }

    private static final List<String> CORPUS_KEYS = List.of("accuracy", "scenarios");

    private static final List<String> SCENARIO_KEYS = List.of("name", "ticket", "charge", "expect");
    private static final List<String> TICKET_KEYS =
            List.of("tier", "hosting", "subject", "body", "channel", "receivedAt", "category", "client");
    private static final List<String> CLIENT_KEYS = List.of("zone", "holidays");

    private final ScenarioProblems problems;
    /** The file's accuracy threshold when it is a corpus; else null. */
    private BigDecimal accuracy;

    private ScenarioFiles(String file, List<PolicyProblem> problems) {
        this.problems = new ScenarioProblems(file, problems);
    }

    /** Every scenario of the bundle's scenario files, in file order, and every problem found reading them. */
    static Parsed parse(PolicyBundle bundle) {
        List<Scenario> scenarios = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, BigDecimal> corpora = new TreeMap<>();
        bundle.files().forEach((path, content) -> {
            if (PolicyBundle.isScenarioFile(path)) {
                List<PolicyProblem> inFile = new ArrayList<>();
                ScenarioFiles file = new ScenarioFiles(path, inFile);
                scenarios.addAll(file.read(content));
                if (file.accuracy != null) {
                    corpora.put(path, file.accuracy);
                }
                inFile.sort(Comparator.comparingInt(PolicyProblem::line));
                problems.addAll(inFile);
            }
        });
        return new Parsed(scenarios, problems, corpora);
    }

    private List<Scenario> read(String content) {
        Node root;
        try {
            root = new Yaml().compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(mark == null ? 0 : mark.getLine() + 1, notYaml(e));
            return List.of();
        } catch (YAMLException e) {
            problems.add(0, "not valid YAML: " + e.getMessage());
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        if (root instanceof MappingNode corpus && corpus.getValue().stream().anyMatch(entry ->
                entry.getKeyNode() instanceof ScalarNode key && CORPUS_KEYS.contains(key.getValue()))) {
            return corpus(corpus);
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

    /**
     * A corpus: {@code accuracy: 100%}, then its requests under {@code scenarios:}. Each must expect a category; the
     * check counts how many get it ({@link CategoryAccuracy}) rather than failing each that does not.
     */
    private List<Scenario> corpus(MappingNode node) {
        ScenarioFields fields = new ScenarioFields(node, "a corpus", CORPUS_KEYS, problems);
        accuracy = fields.required("accuracy", ScenarioValues::percent,
                "the share of its requests that must get the category they expect, like 100% or 97.5%");
        Node list = fields.node("scenarios");
        if (!(list instanceof SequenceNode scenarios)) {
            problem(list == null ? node : list, "a corpus lists its requests under 'scenarios:', each starting with"
                    + " '- name:'");
            return List.of();
        }
        List<Scenario> read = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (Node item : scenarios.getValue()) {
            Scenario scenario = scenario(item, names);
            if (scenario == null) {
                continue;
            }
            if (scenario.check() instanceof Scenario.Decides decides && decides.expect().category() != null) {
                read.add(scenario);
            } else {
                problem(item, "scenario '" + scenario.name() + "' is in a corpus, so it expects a category");
            }
        }
        return read;
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
        int problemsBefore = problems.count();
        ScenarioFields fields = new ScenarioFields(node, "a scenario", SCENARIO_KEYS, problems);
        String name = fields.value("name", String::strip);
        if (name == null || name.isEmpty()) {
            problem(node, "a scenario needs a name that says the behaviour it pins down");
        } else if (names.containsKey(name)) {
            problem(node, "another scenario in this file is already named '" + name + "' (line " + names.get(name) + ")");
        } else {
            names.put(name, line(node));
        }
        String called = name == null || name.isEmpty() ? "this scenario" : "scenario '" + name + "'";
        Scenario.Check check = fields.has("charge") ? charges(node, fields, called) : decides(node, fields, called);
        return problems.count() == problemsBefore ? new Scenario(problems.file(), line(node), name, check) : null;
    }

    private Scenario.Decides decides(MappingNode node, ScenarioFields fields, String called) {
        MappingNode ticketNode = fields.mapping("ticket");
        TicketFacts ticket = null;
        if (ticketNode != null) {
            ticket = ticket(ticketNode);
        } else if (!fields.has("ticket")) {
            problem(node, called + " has no ticket: give at least its tier, hosting and receivedAt"
                    + " (or a charge: its tier, kind and work)");
        }
        MappingNode expectNode = fields.mapping("expect");
        ScenarioExpectation expect = null;
        if (expectNode != null) {
            expect = expectation(expectNode, called);
        } else if (!fields.has("expect")) {
            problem(node, called + " has no expect: give any of " + String.join(", ", ScenarioExpectation.FIELDS));
        }
        return new Scenario.Decides(ticket, expect);
    }

    private Scenario.Charges charges(MappingNode node, ScenarioFields fields, String called) {
        if (fields.has("ticket")) {
            problem(node, called + " has both a ticket and a charge: a scenario asks about one of them");
        }
        MappingNode workNode = fields.mapping("charge");
        ChargeScenario.Work work = workNode == null ? null : ChargeScenario.work(workNode, problems);
        MappingNode expectNode = fields.mapping("expect");
        ChargeScenario.Expectation expect = null;
        if (expectNode != null) {
            expect = ChargeScenario.expectation(expectNode, called, problems);
        } else if (!fields.has("expect")) {
            problem(node, called + " has no expect: give any of " + String.join(", ", ChargeScenario.FIELDS));
        }
        return new Scenario.Charges(work, expect);
    }

    private TicketFacts ticket(MappingNode node) {
        ScenarioFields fields = new ScenarioFields(node, "the ticket", TICKET_KEYS, problems);
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
        ScenarioFields fields = new ScenarioFields(node, "the client", CLIENT_KEYS, problems);
        ZoneId zone = fields.required("zone", ScenarioValues::zone, "the client's IANA time zone, like Asia/Tokyo");
        List<LocalDate> dates = fields.list("holidays", ScenarioValues::date);
        return zone == null || dates == null ? null : LocalHolidays.of(zone, dates);
    }

    private ScenarioExpectation expectation(MappingNode node, String called) {
        int problemsBefore = problems.count();
        ScenarioFields fields = new ScenarioFields(node, "expect", ScenarioExpectation.FIELDS, problems);
        ScenarioExpectation expect = new ScenarioExpectation(
                fields.value("category", enumOf(Category.class, "a category")),
                fields.value("route", enumOf(Route.class, "a route")),
                fields.value("candidateGroup", String::strip),
                fields.value("slaTarget", ScenarioValues::duration),
                fields.value("slaClock", ScenarioValues::slaClock),
                fields.value("slaDueAt", ScenarioValues::dateTime));
        if (expect.isEmpty() && problems.count() == problemsBefore) {
            problem(node, called + " expects nothing: give any of " + String.join(", ", ScenarioExpectation.FIELDS));
        }
        return expect;
    }

    private void problem(Node node, String message) {
        problems.add(node, message);
    }

    private static int line(Node node) {
        return ScenarioProblems.line(node);
    }
}
