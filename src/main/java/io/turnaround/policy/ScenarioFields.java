package io.turnaround.policy;

import io.turnaround.policy.ScenarioValues.Parser;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The keys of one mapping in a scenario file (a scenario, a ticket, expect…), checked against the keys it may have. */
final class ScenarioFields {

    private final MappingNode node;
    private final String what;
    private final ScenarioProblems problems;
    private final Map<String, Node> keys = new HashMap<>();
    private final Map<String, Node> values = new HashMap<>();

    ScenarioFields(MappingNode node, String what, List<String> allowed, ScenarioProblems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(tuple.getKeyNode(), what + " has a key that is not a word; its keys are " + String.join(", ", allowed));
                continue;
            }
            String name = key.getValue();
            if (!allowed.contains(name)) {
                String close = allowed.stream().filter(name::equalsIgnoreCase).findFirst()
                        .map(k -> "; did you mean '" + k + "'?").orElse("; its keys are " + String.join(", ", allowed));
                problems.add(key, "unknown key '" + name + "' in " + what + close);
            } else if (keys.containsKey(name)) {
                int first = ScenarioProblems.line(keys.get(name));
                problems.add(key, "'" + name + "' is given twice in " + what
                        + (first == ScenarioProblems.line(key) ? "" : " (first on line " + first + ")"));
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
            problems.add(value, key + " in " + what + " takes one value, not a list or a mapping");
            return null;
        }
        return parse(key, scalar, parser);
    }

    /** Like {@link #value} but reported when absent; {@code form} says what to give. */
    <T> T required(String key, Parser<T> parser, String form) {
        if (isEmpty(values.get(key))) {
            problems.add(keys.containsKey(key) ? keys.get(key) : node, what + " needs a " + key + ": " + form);
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
        int problemsBefore = problems.count();
        List<T> parsed = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof ScalarNode scalar) {
                parsed.add(parse(key, scalar, parser));
            } else {
                problems.add(item, key + " in " + what + " is a list of values, like [2026-12-24, 2026-12-31]");
            }
        }
        return problems.count() == problemsBefore ? parsed : null;
    }

    static boolean isEmpty(Node node) {
        return node == null || node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** The field's value as it is, whatever its form; null when absent or empty. */
    Node node(String key) {
        Node value = values.get(key);
        return isEmpty(value) ? null : value;
    }

    /** A nested mapping (the ticket, the client, expect); null when absent, empty or not a mapping (reported). */
    MappingNode mapping(String key) {
        Node value = values.get(key);
        if (isEmpty(value)) {
            if (keys.containsKey(key)) {
                problems.add(keys.get(key), key + " in " + what + " is empty: put its keys on the lines below, indented");
            }
            return null;
        }
        if (!(value instanceof MappingNode mapping)) {
            problems.add(value, key + " in " + what + " holds keys and values, one per line, indented under '" + key + ":'");
            return null;
        }
        return mapping;
    }

    private <T> T parse(String key, ScalarNode scalar, Parser<T> parser) {
        try {
            return parser.parse(scalar.getValue());
        } catch (ScenarioValues.BadValue e) {
            problems.add(scalar, key + ": " + e.getMessage());
            return null;
        }
    }
}
