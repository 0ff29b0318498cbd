package io.turnaround.quote;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.ticket.TicketLookup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;

/** Quotes over REST: sales completes an estimate task with its figures; staff read a ticket's quotes. */
@RestController
@Tag(name = "Quotes")
class QuoteController {

    private final QuoteActions actions;
    private final QuoteViews views;
    private final TicketLookup tickets;

    QuoteController(QuoteActions actions, QuoteViews views, TicketLookup tickets) {
        this.actions = actions;
        this.views = views;
        this.tickets = tickets;
    }

    record Estimate(@NotNull BigDecimal hours, @NotNull String description) {
    }

    /** Completes the custom-work estimate task the caller holds; the quote is priced and mailed at once. */
    @Operation(summary = "Complete a custom-work estimate task with its hours",
            description = "The quote is priced by the policy and mailed to the client at once.")
    @ApiResponse(responseCode = "201", description = "The quote, sent")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the task is another group's or someone else's",
            content = @Content)
    @ApiResponse(responseCode = "409",
            description = "The task is not a custom-work estimate, or not in a state to complete", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/api/tasks/{id}/estimate")
    ResponseEntity<QuoteView> estimate(@PathVariable long id, @Valid @RequestBody Estimate estimate, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(actions.estimate(id, user.getName(), estimate.hours(), estimate.description()));
    }

    @Operation(summary = "A ticket's custom-work quotes")
    @GetMapping("/api/tickets/{key}/quotes")
    List<QuoteView> ofTicket(@PathVariable String key) {
        return views.of(tickets.find(key).id());
    }
}
