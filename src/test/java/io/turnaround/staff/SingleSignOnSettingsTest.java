package io.turnaround.staff;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleSignOnSettingsTest {

    private final SingleSignOnSettings keycloak = new SingleSignOnSettings("preferred_username",
            "realm_access.roles", "groups",
            Map.of("support-agents", List.of(StaffRole.AGENT), "support-leads", List.of(StaffRole.MANAGER, StaffRole.AGENT)),
            Map.of("/Support Desk", List.of("support-desk"), "/Developers", List.of("dev-team", "support-desk")));

    @Test
    void rolesComeFromTheMappedValuesOfAClaimAnywhereInTheToken() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles",
                List.of("offline_access", "support-leads", "support-agents")));
        assertThat(keycloak.rolesOf(claims)).containsExactly(StaffRole.AGENT, StaffRole.MANAGER);
    }

    @Test
    void aClaimMayBeOneStringOfValuesAsScopeIs() {
        assertThat(SingleSignOnSettings.values(Map.of("roles", "support-agents, billing  admins"), "roles"))
                .containsExactly("support-agents", "billing", "admins");
    }

    @Test
    void valuesNotInTheTableAndClaimsNotSentGiveNothing() {
        assertThat(keycloak.groupsOf(Map.of("groups", List.of("/Canteen", "/Developers"))))
                .containsExactly("dev-team", "support-desk");
        assertThat(keycloak.rolesOf(Map.of("realm_access", "not an object"))).isEmpty();
        assertThat(keycloak.rolesOf(Map.of())).isEmpty();
    }

    @Test
    void aMappedGroupMustBeAGroupName() {
        assertThatThrownBy(() -> new SingleSignOnSettings("preferred_username", "roles", "groups", Map.of(),
                Map.of("/Support Desk", List.of("Support Desk"))))
                .hasMessage("turnaround.sso.groups./Support Desk: Support Desk is no group name (1 to 64 lower-case"
                        + " letters, digits and -)");
    }
}
