package io.turnaround.policy;

import org.yaml.snakeyaml.nodes.Node;

import java.util.List;

/** The problems found reading one scenario file, each at the line of the YAML node it is about. */
final class ScenarioProblems {

    private final String file;
    private final List<PolicyProblem> problems;

    ScenarioProblems(String file, List<PolicyProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    void add(Node node, String message) {
        problems.add(new PolicyProblem(file, line(node), message));
    }

    void add(int line, String message) {
        problems.add(new PolicyProblem(file, line, message));
    }

    int count() {
        return problems.size();
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
