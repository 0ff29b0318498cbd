package io.turnaround.policy.sandbox;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.sandbox.ConditionCheck.Scope;
import org.drools.compiler.lang.descr.ImportDescr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Conditions as analysts write them pass; conditions that reach outside the facts, or use forms MVEL runs, do not. */
class ConditionCheckTest {

    private static final ConditionCheck CHECK = new ConditionCheck(AllowList.shipped());
    private static final DrlClassNames CLASSES = new DrlClassNames("io.turnaround.policy.rules",
            List.of(new ImportDescr("io.turnaround.policy.facts.*"), new ImportDescr("io.turnaround.sla.Escalation")),
            ConditionCheckTest.class.getClassLoader());
    private static final Map<String, Set<Class<?>>> BINDINGS = Map.of("$d", Set.of(Decision.class),
            "$t", Set.of(TicketFacts.class));

    @ParameterizedTest
    @ValueSource(strings = {
            "category == null",
            "slaClock == SlaClock.TWENTY_FOUR_SEVEN, calendar == null",
            "category in (Category.NON_EMERGENCY, Category.CUSTOM_WORK, Category.TRAINING)",
            "category not in (Category.EMERGENCY)",
            "$due : slaDueAt",
            "this.plan.tier == Tier.GOLD || slaTarget != null",
            "$d.getPlan().hourlyRate() > 90 && !(plan.licensingIncluded())",
            "slaTarget.toHours() >= 2 * 6 + 1",
            "candidateGroup matches \"support-.*\" /* a comment */",
            "candidateGroup not matches 'x\\\\d+'",
            "escalations not contains null"
    })
    void decisionConditionsAnAnalystWritesPass(String condition) {
        assertThatCode(() -> check(Decision.class, condition)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mentionsAny(\"site is down | site down\" + \" | hacked\")",
            "tier == Tier.PLATINUM, hosting == Hosting.PARTNER",
            "subject.toLowerCase().contains(\"urgent\") || body.length() > 10",
            "receivedAt.isAfter($d.slaDueAt)",
            "clientZone.id == \"America/Los_Angeles\""
    })
    void ticketConditionsAnAnalystWritesPass(String condition) {
        assertThatCode(() -> check(TicketFacts.class, condition)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "subject == System.getProperty(\"user.home\")          | not allowed in policy code: java.lang.System",
            "java.lang.Runtime.getRuntime() != null                 | not allowed in policy code: java.lang.Runtime",
            "subject.getClass() != null                             | not allowed in policy code: java.lang.Object.getClass",
            "receivedAt.getClass().getClassLoader() != null         | not allowed in policy code: java.lang.Object.getClass",
            "Thread.currentThread() != null                         | not allowed in policy code: java.lang.Thread",
            "Integer.getInteger(\"x\") == 1                         | not allowed in policy code: java.lang.Integer.getInteger",
            "java.io.File.separator == \"/\"                        | not allowed in policy code: java.io.File",
            "clientHolidays.dates.parallelStream() != null          | java.util.Collection.parallelStream",
            "subject == new String(\"x\")                           | 'new' is not supported in a condition",
            "subject.class != null                                  | 'class' is not supported in a condition",
            "subject = \"x\"                                        | '=' is not supported in a condition",
            "(String) subject == \"x\"                              | cannot resolve 'String' in a condition",
            "subject[0] == \"x\"                                    | '[' is not supported in a condition",
            "with (subject) { }                                     | 'with' is not supported in a condition",
            "nosuchProperty == 1                                    | cannot resolve 'nosuchProperty'"
    })
    void conditionsThatReachOutsideThePolicyAreRefused(String condition, String refusal) {
        CodeRefusedException refused = catchThrowableOfType(() -> check(TicketFacts.class, condition),
                CodeRefusedException.class);

        assertThat(refused).as(condition).isNotNull();
        assertThat(refused.getMessage()).contains(refusal);
    }

    private static void check(Class<?> pattern, String condition) {
        for (String part : condition.split(", (?=[a-z$])")) {
            CHECK.check(part, new Scope(pattern, BINDINGS, CLASSES, Set.of()));
        }
    }
}
