package io.turnaround.policy.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of DRL and BPMN the engine would run as MVEL, or that reach outside the policy by other doors (annotations
 * evaluated while compiling, data mappings evaluated while running, external entities), are refused before compiling,
 * each with its file and line. The shipped policy has none of them.
 */
class PolicyFileChecksTest {

    private static final String DRL = "package io.turnaround.policy.rules\nimport io.turnaround.policy.facts.*\n\n";

    record Refused(String name, String file, String text, int line, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refused() {
        return Stream.of(
                drl("an annotation the compiler evaluates", "rule \"x\"\n@Doc(java.lang.Runtime.getRuntime().exec(\"id\"))\n"
                        + "when\n    Decision()\nthen\nend\n", 4, "the value of @Doc must be a text in quotes"),
                drl("a declared type", "declare Evil\n    name : String = System.getenv(\"HOME\")\nend\n", 4,
                        "'declare' is not allowed"),
                drl("a global", "global java.util.List sink\n", 4, "globals are not allowed"),
                drl("a query", "query \"all\"\n    Decision()\nend\n", 4, "queries are not allowed"),
                drl("from", "rule \"x\"\nwhen\n    $d : Decision()\n    Plan() from $d.getPlan()\nthen\nend\n", 7,
                        "'from', 'accumulate', 'collect'"),
                drl("accumulate", "rule \"x\"\nwhen\n    Number() from accumulate(Decision(), count(1))\nthen\nend\n", 6,
                        "'from', 'accumulate', 'collect'"),
                drl("a timer", "rule \"x\"\n    timer (int: 1s)\nwhen\n    Decision()\nthen\nend\n", 5,
                        "rule attribute 'timer"),
                drl("an expression for salience", "rule \"x\"\n    salience ($d.hashCode())\nwhen\n    $d : Decision()\n"
                        + "then\nend\n", 5, "salience is a whole number"),
                drl("the mvel dialect for the whole file", "dialect \"mvel\"\nrule \"x\"\nwhen\n    Decision()\nthen\nend\n", 4,
                        "policy code is written in the java dialect"),
                drl("an imported function from the JDK", "import function java.lang.System.exit\n", 4,
                        "not allowed in policy code: java.lang.System"),
                drl("an imported class", "import java.lang.Runtime\n", 4, "not allowed in policy code: java.lang.Runtime"),
                drl("a fact type not in the model", "rule \"x\"\nwhen\n    Runtime()\nthen\nend\n", 6,
                        "not allowed in policy code: Runtime"),
                bpmn("an mvel script", script("http://www.mvel.org/2.0", "System.exit(1);"), 8,
                        "http://www.mvel.org/2.0 is not allowed"),
                bpmn("a script with no language", script(null, "System.exit(1);"), 8, "add scriptFormat="),
                bpmn("a JavaScript script", script("http://www.javascript.com/javascript", "quit()"), 8,
                        "http://www.javascript.com/javascript is not allowed"),
                bpmn("a method call in a task's name", task("#{request.getClass().forName(\"x\")}"), 11,
                        "only a variable or a property path"),
                bpmn("a getter chain out of the model", task("#{request.class.classLoader}"), 11,
                        "not allowed in policy code: java.lang.Object.getClass"),
                bpmn("an unknown variable", task("#{nobody}"), 11, "nobody is not a variable of the process"),
                bpmn("a data mapping the engine evaluates", mapping("request.getClass()"), 11,
                        "sourceRef must name a variable or a data input"),
                bpmn("a service task", process("<bpmn2:serviceTask id=\"call\" implementation=\"Java\" "
                        + "operationRef=\"op\"/>"), 7, "'serviceTask' is not allowed"),
                bpmn("a variable of a forbidden type", process("").replace("structureRef=\"io.turnaround.policy.facts.TicketFacts\"",
                        "structureRef=\"java.lang.Runtime\""), 4, "not allowed in policy code: java.lang.Runtime"),
                bpmn("a multi-instance loop", process("<bpmn2:subProcess id=\"each\"><bpmn2:multiInstanceLoopCharacteristics>"
                        + "<bpmn2:loopDataInputRef>request</bpmn2:loopDataInputRef></bpmn2:multiInstanceLoopCharacteristics>"
                        + "</bpmn2:subProcess>"), 7, "'multiInstanceLoopCharacteristics' is not allowed"),
                bpmn("an external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM "
                        + "\"file:///etc/passwd\">]>\n<definitions>&secret;</definitions>\n", 2,
                        "a DOCTYPE is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWithItsFileAndLine(Refused refused) {
        List<CodeProblem> problems = PolicyCodeCheck.check(Map.of(refused.file(), refused.text()));

        assertThat(problems).as(refused.text()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(refused.file());
            assertThat(problem.line()).isEqualTo(refused.line());
            assertThat(problem.message()).contains(refused.message());
        });
    }

    @Test
    void theShippedPolicyHasNoProblem() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String folder : List.of("rules", "processes")) {
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    if (Files.isRegularFile(path)) {
                        files.put(folder + "/" + path.getFileName(), Files.readString(path));
                    }
                }
            }
        }

        assertThat(files).containsKeys("rules/tiers.drl", "processes/support-ticket.bpmn");
        assertThat(PolicyCodeCheck.check(files)).isEmpty();
    }

    private static Refused drl(String name, String rules, int line, String message) {
        return new Refused(name, "rules/x.drl", DRL + rules, line, message);
    }

    private static Refused bpmn(String name, String text, int line, String message) {
        return new Refused(name, "processes/x.bpmn", text, line, message);
    }

    private static String script(String language, String code) {
        return process("<bpmn2:scriptTask id=\"run\"" + (language == null ? "" : " scriptFormat=\"" + language + "\"")
                + ">\n  <bpmn2:script>" + code + "</bpmn2:script>\n</bpmn2:scriptTask>");
    }

    private static String task(String name) {
        return process("<bpmn2:task id=\"work\" drools:taskName=\"Escalate\">\n<bpmn2:ioSpecification/>\n"
                + "<bpmn2:dataInputAssociation>\n<bpmn2:targetRef>work_NameInput</bpmn2:targetRef>\n"
                + "<bpmn2:assignment><bpmn2:from>" + name + "</bpmn2:from><bpmn2:to>work_NameInput</bpmn2:to>"
                + "</bpmn2:assignment>\n</bpmn2:dataInputAssociation>\n</bpmn2:task>");
    }

    private static String mapping(String source) {
        return process("<bpmn2:task id=\"work\" drools:taskName=\"Escalate\">\n<bpmn2:ioSpecification/>\n"
                + "<bpmn2:dataOutputAssociation>\n<bpmn2:targetRef>request</bpmn2:targetRef>\n"
                + "<bpmn2:sourceRef>" + source + "</bpmn2:sourceRef>\n</bpmn2:dataOutputAssociation>\n</bpmn2:task>");
    }

    /** A process with one variable, {@code request}; {@code body} starts on line 7. */
    private static String process(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:drools="http://www.jboss.org/drools" id="d" targetNamespace="http://turnaround.io/x">
                  <bpmn2:itemDefinition id="requestItem" structureRef="io.turnaround.policy.facts.TicketFacts"/>
                  <bpmn2:process id="x" isExecutable="true">
                    <bpmn2:property id="request" itemSubjectRef="requestItem" name="request"/>
                %s
                  </bpmn2:process>
                </bpmn2:definitions>
                """.formatted(body);
    }
}
