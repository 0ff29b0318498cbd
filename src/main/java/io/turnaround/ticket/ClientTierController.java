package io.turnaround.ticket;

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
class ClientTierController {

    private final TicketIntake intake;

    ClientTierController(TicketIntake intake) {
        this.intake = intake;
    }

    record TierChange(@NotNull Tier tier) {
    }

    record TierChanged(long clientId, Tier tier, List<String> redecided) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/clients/{id}/tier")
    TierChanged changeTier(@PathVariable long id, @Valid @RequestBody TierChange change, Authentication user) {
        return new TierChanged(id, change.tier(), intake.changeTier(id, change.tier(), user.getName()));
    }
}
