package io.turnaround.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.policy.facts.Tier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import java.util.List;

/** Admins change a client's plan; the client's tickets still waiting for a person are decided again on it. */
@RestController
@Validated
@Tag(name = "Clients")
class ClientTierController {

    private final TicketIntake intake;

    ClientTierController(TicketIntake intake) {
        this.intake = intake;
    }

    record TierChange(@NotNull Tier tier) {
    }

    record TierChanged(long clientId, Tier tier, List<String> redecided) {
    }

    @Operation(summary = "Change a client's plan (tier)",
            description = "The client's tickets still waiting for a person are decided again on the new tier; "
                    + "`redecided` lists them.")
    @ApiResponse(responseCode = "200", description = "The new tier and the tickets decided again")
    @ApiResponse(responseCode = "422", description = "The rules were stopped before they decided", content = @Content)
    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/clients/{id}/tier")
    TierChanged changeTier(@PathVariable long id, @Valid @RequestBody TierChange change, Authentication user) {
        return new TierChanged(id, change.tier(), intake.changeTier(id, change.tier(), user.getName()));
    }
}
