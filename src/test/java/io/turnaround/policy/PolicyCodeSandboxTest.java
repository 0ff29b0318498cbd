package io.turnaround.policy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploaded policy code that tries to leave its sandbox: each attack in each place policy code can be written (a rule's
 * consequence, its condition, a DRL function, an mvel-dialect rule, a BPMN script task) is refused at compile time,
 * naming the file, the line and what is not allowed, or stopped by the checks' limits. Nothing of it runs: the marker
 * file the attacks try to create never appears.
 */
class PolicyCodeSandboxTest {

    private static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "turnaround-sandbox-" + UUID.randomUUID());
    private static final PolicyTimeLimit.Limits LIMITS = new PolicyTimeLimit.Limits(Duration.ofSeconds(1), 64L << 20);

    /** Refused at compile time with this text in the problem, or (STOPPED) left to run and stopped by the limits. */
    private static final String STOPPED = "stopped";

    enum Place { CONSEQUENCE, CONDITION, FUNCTION, MVEL_RULE, BPMN_SCRIPT }

    /**
     * One attack, written as Java statements and as a rule condition (null: a condition calls a DRL function holding the
     * statements), with what each place must answer.
     */
    record Attack(String name, String java, String condition, String refusedJava, String refusedCondition,
                  String refusedScript) {
    }

    private static final List<Attack> ATTACKS = List.of(
            new Attack("Runtime.exec", "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + MARKER + "\"});",
                    "Runtime.getRuntime().exec(\"touch " + MARKER + "\") != null",
                    "java.lang.Runtime", "java.lang.Runtime", "java.lang.Runtime"),
            new Attack("ProcessBuilder", "new ProcessBuilder(\"touch\", \"" + MARKER + "\").start();",
                    "new ProcessBuilder(\"touch\").start() != null",
                    "java.lang.ProcessBuilder", "'new' is not supported", "java.lang.ProcessBuilder"),
            new Attack("file write", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + MARKER + "\"), \"x\");",
                    "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + MARKER + "\"), \"x\") != null",
                    "java.nio.file.Files", "java.nio.file.", "java.nio.file.Files"),
            new Attack("file read", "String secret = java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"));",
                    "categoryReason == java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"))",
                    "java.nio.file.Files", "java.nio.file.", "java.nio.file.Files"),
            new Attack("System.exit", "System.exit(3);", "System.exit(3) == null",
                    "java.lang.System", "java.lang.System", "java.lang.System"),
            new Attack("System.getenv", "String home = System.getenv(\"HOME\");", "categoryReason == System.getenv(\"HOME\")",
                    "java.lang.System", "java.lang.System", "java.lang.System"),
            new Attack("Class.forName", "Object runtime = Class.forName(\"java.lang.Run\" + \"time\");",
                    "Class.forName(\"java.lang.Run\" + \"time\") != null",
                    // In a condition, Class could also be read as a getter (getClass): both readings are refused.
                    "java.lang.Class", "not allowed in policy code: java.lang.", "java.lang.Class"),
            new Attack("class loader", "Object loader = \"x\".getClass().getClassLoader();",
                    "categoryReason.getClass().getClassLoader() != null",
                    "java.lang.Object.getClass", "java.lang.Object.getClass", "java.lang.Object.getClass"),
            new Attack("setAccessible", "java.lang.reflect.Field value = String.class.getDeclaredField(\"value\"); "
                    + "value.setAccessible(true);", "categoryReason.class.getDeclaredField(\"value\") != null",
                    "java.lang.Class", "'class' is not supported", "java.lang.Class"),
            new Attack("new Thread", "new Thread(() -> { }).start();", "Thread.currentThread() != null",
                    "java.lang.Thread", "java.lang.Thread", "java.lang.Thread"),
            new Attack("socket", "new java.net.Socket(\"127.0.0.1\", 5432).close();",
                    "new java.net.Socket(\"127.0.0.1\", 5432) != null",
                    "java.net.Socket", "'new' is not supported", "java.net.Socket"),
            new Attack("JNDI lookup", "Object found = new javax.naming.InitialContext().lookup(\"java:comp/env\");",
                    "javax.naming.InitialContext.doLookup(\"java:comp/env\") != null",
                    "javax.naming.InitialContext", "javax.naming.InitialContext", "javax.naming.InitialContext"),
            new Attack("infinite loop", "long spin = 1; while (spin > 0) { spin |= 1; }", null,
                    STOPPED, null, "a loop in a process script"),
            new Attack("deep recursion", "class Deep { int down(int n) { return down(n + 1) + 1; } } "
                    + "int depth = new Deep().down(0);", null,
                    STOPPED, null, "a call to other policy code from a process script"),
            new Attack("huge allocation", "long[] huge = new long[Integer.MAX_VALUE - 8];", null,
                    STOPPED, null, "an array whose length is not a number up to 1024"),
            new Attack("hoarding memory", "java.util.List<long[]> hoard = new java.util.ArrayList<>(); "
                    + "while (hoard.size() >= 0) { hoard.add(new long[1 << 20]); }", null,
                    STOPPED, null, "a loop in a process script"),
            new Attack("catching the stop", "long spin = 1; while (spin > 0) { try { spin |= 1; } catch (Throwable stop) { "
                    + "spin = 1; } }", null, "catching java.lang.Throwable", null, "catching java.lang.Throwable"),
            new Attack("finally", "long spin = 1; while (spin > 0) { try { spin |= 1; } finally { spin = 1; } }", null,
                    "a finally or synchronized block", null, "a finally or synchronized block"));

    static Stream<Arguments> attacks() {
        List<Arguments> cases = new ArrayList<>();
        for (Attack attack : ATTACKS) {
            for (Place place : Place.values()) {
                cases.add(Arguments.of(attack.name(), place, attack));
            }
        }
        return cases.stream();
    }

    @AfterEach
    void nothingRanAndNothingIsLeftRunning() {
        assertThat(MARKER).as("the attack must not have run").doesNotExist();
        assertThat(Thread.getAllStackTraces().keySet()).as("a stopped check leaves no thread behind")
                .noneMatch(t -> t.getName().startsWith("policy-check-") && t.isAlive());
    }

    @ParameterizedTest(name = "{0} in a {1}")
    @MethodSource("attacks")
    void isRefusedOrStopped(String name, Place place, Attack attack) throws Exception {
        Uploaded upload = upload(place, attack);
        String expected = switch (place) {
            case CONSEQUENCE, FUNCTION -> attack.refusedJava();
            case CONDITION -> attack.condition() == null ? attack.refusedJava() : attack.refusedCondition();
            case MVEL_RULE -> "rule attribute 'dialect mvel' is not allowed in policy code";
            case BPMN_SCRIPT -> attack.refusedScript();
        };
        PolicyBundle bundle = PolicyBundle.of(upload.files());
        PolicyCheckResult result = null;
        PolicyCompilationException refused = null;

        try {
            result = check(bundle);
        } catch (PolicyCompilationException e) {
            refused = e;
        }

        if (expected.equals(STOPPED)) {
            assertThat(refused).as("compiles, then is stopped by the limits").isNull();
            assertThat(result.passed()).isFalse();
            assertThat(result.stopped()).as(result.allProblems().toString()).isNotNull();
            assertThat(result.stopped().message()).containsAnyOf("did not finish within 1 s", "used more than 64 MB",
                    "failed: java.lang.StackOverflowError", "failed: java.lang.OutOfMemoryError");
        } else {
            assertThat(refused).as("refused before anything runs").isNotNull();
            assertThat(refused.problems()).as(refused.getMessage()).anySatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(upload.file());
                assertThat(problem.line()).isEqualTo(upload.line());
                assertThat(problem.message()).contains(expected);
            });
        }
    }

    /** A member of a primitive array (its clone, its length) is the JDK's, not a call to other policy code. */
    @Test
    void aStraightLineScriptWithPrimitiveArraysCompiles() {
        String script = "int[] hours = new int[] {8, 17}; int[] copy = hours.clone(); "
                + "String summary = java.time.LocalTime.of(copy[0], 0) + \"-\" + copy.length;";
        PolicyBundle bundle = PolicyBundle.of(Map.of("processes/attack.bpmn", bpmn(script)));

        assertThat(PolicyCompiler.compile(bundle, "0.0.1-arrays-" + UUID.randomUUID())).isNotNull();
    }

    private static PolicyCheckResult check(PolicyBundle bundle) {
        PolicyRules rules = PolicyRules.load(PolicyCompiler.compile(bundle, "0.0.1-attack-" + UUID.randomUUID()),
                bundle.calendars());
        return PolicyChecks.run(bundle, rules, LIMITS);
    }

    /** The files of an upload carrying the attack, and where the attack is written. */
    private record Uploaded(Map<String, String> files, String file, int line) {
    }

    private static Uploaded upload(Place place, Attack attack) {
        String function = "function int attack() {\n    " + attack.java() + "\n    return 1;\n}\n";
        return switch (place) {
            case CONSEQUENCE -> drl(rule("", "Decision()", attack.java()), 9);
            case FUNCTION -> drl(function + rule("", "Decision()", "attack();"), 5);
            case CONDITION -> attack.condition() == null
                    ? drl(function + rule("", "Decision(attack() == 1)", ""), 5)
                    : drl(rule("", "Decision(" + attack.condition() + ")", ""), 7);
            case MVEL_RULE -> drl(rule("    dialect \"mvel\"\n", "Decision()", attack.java()), 5);
            case BPMN_SCRIPT -> new Uploaded(Map.of("processes/attack.bpmn", bpmn(attack.java())),
                    "processes/attack.bpmn", 8);
        };
    }

    private static Uploaded drl(String rules, int line) {
        return new Uploaded(Map.of("rules/attack.drl", "package io.turnaround.policy.rules\n"
                + "import io.turnaround.policy.facts.*\n\n" + rules), "rules/attack.drl", line);
    }

    private static String rule(String attributes, String pattern, String consequence) {
        return "rule \"attack\"\n" + attributes + "    ruleflow-group \"ticket-policy\"\nwhen\n    " + pattern
                + "\nthen\n    " + consequence + "\nend\n";
    }

    private static String bpmn(String script) {
        String escaped = script.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:drools="http://www.jboss.org/drools" id="attackDefinitions" targetNamespace="http://turnaround.io/x">
                  <bpmn2:process id="attack" name="Attack" isExecutable="true" drools:packageName="io.turnaround.processes">
                    <bpmn2:startEvent id="start"><bpmn2:outgoing>toScript</bpmn2:outgoing></bpmn2:startEvent>
                    <bpmn2:sequenceFlow id="toScript" sourceRef="start" targetRef="script"/>
                    <bpmn2:scriptTask id="script" name="Attack" scriptFormat="http://www.java.com/java">
                      <bpmn2:script>%s</bpmn2:script>
                      <bpmn2:incoming>toScript</bpmn2:incoming><bpmn2:outgoing>toEnd</bpmn2:outgoing>
                    </bpmn2:scriptTask>
                    <bpmn2:sequenceFlow id="toEnd" sourceRef="script" targetRef="end"/>
                    <bpmn2:endEvent id="end"><bpmn2:incoming>toEnd</bpmn2:incoming></bpmn2:endEvent>
                  </bpmn2:process>
                </bpmn2:definitions>
                """.formatted(escaped);
    }
}
