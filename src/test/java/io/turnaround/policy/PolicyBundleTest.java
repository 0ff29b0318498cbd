package io.turnaround.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyBundleTest {

    @ParameterizedTest
    @ValueSource(strings = {"rules/../evil.drl", "rules/./sla.drl", "rules//sla.drl", "sla.drl", "/rules/sla.drl",
            "other/sla.drl", "rules\\\\sla.drl", "rules/sla\\u0000.drl", "processes/../../etc/x.bpmn"})
    void aPathThatLeavesItsFolderOrSaysItOddlyIsNoPolicyFile(String path) {
        assertThat(PolicyBundle.isPolicyFile(path)).isFalse();
        assertThatThrownBy(() -> PolicyBundle.of(Map.of()).with(Map.of(path, "x"), List.of()))
                .isInstanceOf(InvalidPolicyUploadException.class).hasMessageStartingWith(path + " is not a policy file");
    }

    @Test
    void theBundlesOwnKindsOfFileAreAtTheirPlaces() {
        assertThat(List.of("rules/sla.drl", "processes/support-ticket.bpmn", "rules/calendars/pacific-office.calendar",
                "rules/calendars/us holidays.ics", "rules/scenarios/gold.yaml", "rules/mail/acknowledgement.txt"))
                .allMatch(PolicyBundle::isPolicyFile);
        assertThat(PolicyBundle.isPolicyFile("rules/README.md")).isFalse();
    }
}
