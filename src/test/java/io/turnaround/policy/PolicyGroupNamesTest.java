package io.turnaround.policy;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyGroupNamesTest {

    @Test
    void theShippedPolicySendsWorkToSevenGroupsNamedInItsRulesAndItsProcess() {
        var groups = PolicyGroupNames.of(PolicyFixtures.shippedBundle());

        assertThat(groups).containsOnlyKeys("dev-team", "hosting-liaison", "on-call", "sales", "support-desk",
                "support-managers", "training");
        assertThat(groups.get("on-call")).containsExactly("rules/escalations.drl");
        assertThat(groups.get("support-managers")).containsExactly("rules/escalations.drl");
        assertThat(groups.get("support-desk")).containsExactly("processes/support-ticket.bpmn", "rules/routing.drl");
    }

    @Test
    void aGroupInACommentOrInAnotherCallCountsForNothing() {
        String drl = """
                // .notifyGroup("commented")
                /* reassignTo("blocked") */
                rule "x" when then
                    $d.escalate(Escalation.atPercent(50).notifyGroup( "night-shift" ));
                    $d.escalate(Escalation.atPercent(90).reassignTo("tier-two")); // then breach("later")
                    $d.note("breach(\\"quoted\\")");
                    mentionsAny("http://example.com/x"); setCandidateGroup("after-a-url");
                end
                """;

        assertThat(PolicyGroupNames.of(PolicyBundle.of(Map.of("rules/x.drl", drl))).keySet())
                .isEqualTo(Set.of("night-shift", "tier-two", "after-a-url"));
    }

    @Test
    void aUserTaskNamesItsGroupsLiterallyOrLeavesThemToTheRules() {
        String bpmn = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">
                  <userTask id="a"><ioSpecification><dataInput id="a_G" name="GroupId"/>
                    <dataInput id="a_N" name="TaskName"/></ioSpecification>
                    <dataInputAssociation><targetRef>a_G</targetRef><assignment><from>night-shift, weekend</from>
                      <to>a_G</to></assignment></dataInputAssociation>
                    <dataInputAssociation><targetRef>a_N</targetRef><assignment><from>not-a-group</from>
                      <to>a_N</to></assignment></dataInputAssociation></userTask>
                  <userTask id="b"><ioSpecification><dataInput id="b_G" name="GroupId"/></ioSpecification>
                    <dataInputAssociation><targetRef>b_G</targetRef><assignment><from>#{breachGroup}</from>
                      <to>b_G</to></assignment></dataInputAssociation></userTask>
                </process></definitions>
                """;

        assertThat(PolicyGroupNames.of(PolicyBundle.of(Map.of("processes/p.bpmn", bpmn))).keySet())
                .isEqualTo(Set.of("night-shift", "weekend"));
    }
}
