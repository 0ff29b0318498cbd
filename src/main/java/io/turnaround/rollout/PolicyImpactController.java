package io.turnaround.rollout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The impact preview of a policy version on the latest tickets (a replay; it changes no ticket). */
@RestController
@Tag(name = "Policy")
class PolicyImpactController {

    static final int MOST_TICKETS = 5000;

    private final PolicyImpact impact;

    PolicyImpactController(PolicyImpact impact) {
        this.impact = impact;
    }

    @Operation(summary = "Preview a version's impact on the latest tickets",
            description = "A replay of the latest `tickets` tickets under the version beside the active one; no ticket "
                    + "changes.")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping("/api/policy/versions/{number}/impact")
    PolicyImpact.Report preview(@PathVariable int number, @RequestParam(defaultValue = "200") int tickets,
                                Authentication who) {
        return impact.preview(number, Math.max(1, Math.min(tickets, MOST_TICKETS)), who.getName());
    }
}
