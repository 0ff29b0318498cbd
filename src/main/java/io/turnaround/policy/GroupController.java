package io.turnaround.policy;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The staff groups, their enabled members and the active policy's use of each (README, "Staff accounts"). */
@RestController
class GroupController {

    private final PolicyGroups groups;

    GroupController(PolicyGroups groups) {
        this.groups = groups;
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ANALYST', 'ADMIN')")
    @GetMapping("/api/groups")
    List<PolicyGroups.StaffGroup> all() {
        return groups.ofActiveVersion();
    }
}
