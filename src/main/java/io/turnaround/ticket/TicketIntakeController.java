package io.turnaround.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.staff.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import java.net.URI;

/**
 * New tickets over the API: 201 with the ticket; with an {@code Idempotency-Key} its caller sent before with the same
 * request, 200 with that request's ticket and {@code Idempotent-Replayed: true}, so a gateway retrying after a
 * timeout makes one ticket.
 */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets")
class TicketIntakeController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotentIntake intake;

    TicketIntakeController(IdempotentIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Take in a support request as a ticket, decided by the active policy",
            description = "With an `Idempotency-Key` sent before with the same request, the answer is that request's"
                    + " ticket again (200, `Idempotent-Replayed: true`), so a retry after a timeout makes one ticket.")
    @ApiResponse(responseCode = "201", description = "The ticket, decided and routed")
    @ApiResponse(responseCode = "200", description = "The ticket this Idempotency-Key made before")
    @ApiResponse(responseCode = "403", description = "Refused: the caller's role, or a `category` chosen by a caller"
            + " that is not staff", content = @Content)
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content)
    @ApiResponse(responseCode = "422", description = "The rules were stopped before they decided", content = @Content)
    @PreAuthorize("hasAnyRole('INTAKE', 'AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping
    ResponseEntity<TicketView> create(@Valid @RequestBody NewTicket request, Authentication user,
                                      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        IdempotentIntake.Answer answer = intake.receive(request, Staff.of(user), key);
        Ticket ticket = answer.ticket();
        TicketView view = TicketView.of(ticket, null).withNotice(answer.notice());
        URI location = URI.create("/api/tickets/" + ticket.key());
        return answer.replayed()
                ? ResponseEntity.ok().location(location).header(REPLAYED, "true").body(view)
                : ResponseEntity.created(location).body(view);
    }
}
