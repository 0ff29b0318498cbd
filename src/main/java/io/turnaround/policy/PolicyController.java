package io.turnaround.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Asks the policy what it would do, without creating anything. */
@RestController
@RequestMapping("/api/policy")
@Tag(name = "Policy")
class PolicyController {

    private final ActivePolicy policy;
    private final Clock clock;

    PolicyController(ActivePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    record DryRun(@NotNull Tier tier, @NotNull Hosting hosting, @NotNull @Size(max = 500) String subject,
                  @Size(max = 65536) String body, Channel channel, Instant receivedAt, Category category) {
    }

    @Operation(summary = "Ask the active policy what it would decide for a request",
            description = "A dry run: the same rules and the same answer as a real ticket, and nothing is created.")
    @ApiResponse(responseCode = "200", description = "What the policy would decide, and why")
    @ApiResponse(responseCode = "422", description = "The rules were stopped before they decided", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ANALYST', 'ADMIN')")
    @PostMapping("/decisions")
    PolicyDecision decide(@Valid @RequestBody DryRun request) {
        Instant receivedAt = request.receivedAt() == null ? clock.instant() : request.receivedAt();
        return policy.decide(new TicketFacts(request.tier(), request.hosting(), request.subject(), request.body(),
                request.channel(), receivedAt, request.category()));
    }

    @Operation(summary = "The active policy version")
    @GetMapping
    Map<String, Object> active() {
        PolicyVersion version = policy.active();
        return Map.of("policyVersion", version.number(), "contentHash", version.contentHash(),
                "author", version.author(), "createdAt", version.createdAt());
    }
}
