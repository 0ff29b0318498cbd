package io.turnaround.quote;

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
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/api/tasks/{id}/estimate")
    ResponseEntity<QuoteView> estimate(@PathVariable long id, @Valid @RequestBody Estimate estimate, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(actions.estimate(id, user.getName(), estimate.hours(), estimate.description()));
    }

    @GetMapping("/api/tickets/{key}/quotes")
    List<QuoteView> ofTicket(@PathVariable String key) {
        return views.of(tickets.find(key).id());
    }
}
