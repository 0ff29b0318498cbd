package io.turnaround.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The staff groups, their enabled members and the active policy's use of each (README, "Staff accounts"). */
@RestController
@Tag(name = "Staff")
class GroupController {

    private final PolicyGroups groups;

    GroupController(PolicyGroups groups) {
        this.groups = groups;
    }

    @Operation(summary = "Staff groups, their enabled members and the active policy's use of each")
    @PreAuthorize("hasAnyRole('MANAGER', 'ANALYST', 'ADMIN')")
    @GetMapping("/api/groups")
    List<PolicyGroups.StaffGroup> all() {
        return groups.ofActiveVersion();
    }
}
