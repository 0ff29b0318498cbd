package io.turnaround.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.LoadedPolicies;
import io.turnaround.policy.PolicyVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * Which channels a client may use now (or at {@code at}) and when chat next opens, by the active policy's plan for
 * the client's tier: what a chat front-end asks before it offers its chat button.
 */
@RestController
@Tag(name = "Clients")
class ChannelController {

    private final Clients clients;
    private final ActivePolicy policy;
    private final LoadedPolicies policies;
    private final Clock clock;

    ChannelController(Clients clients, ActivePolicy policy, LoadedPolicies policies, Clock clock) {
        this.clients = clients;
        this.policy = policy;
        this.policies = policies;
        this.clock = clock;
    }

    @Operation(summary = "Which channels a client may use now (or at `at`), and when chat opens",
            description = "By the active policy's plan for the client's tier, in the client's time zone: what a chat "
                    + "front-end asks before it offers its chat button.")
    @GetMapping("/api/clients/{id}/channels")
    ChannelAvailability channels(@PathVariable long id, @RequestParam(required = false) Instant at) {
        Client client = clients.find(id).orElseThrow(() -> new ClientNotFoundException(id));
        PolicyVersion version = policy.active();
        ChatWindow window = ChatWindow.of(policies.plan(version, client.tier()), at == null ? clock.instant() : at);
        return ChannelAvailability.of(client, version.number(), window);
    }
}
