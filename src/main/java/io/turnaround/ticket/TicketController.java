package io.turnaround.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.WaitingOn;
import io.turnaround.staff.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import java.util.List;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/tickets")
@Validated
@Tag(name = "Tickets")
class TicketController {

    private final TicketIntake intake;
    private final Tickets tickets;
    private final TicketHistory history;
    private final Conversation conversation;
    private final TicketWaits waits;
    private final TicketQuotes quotes;
    private final TicketExplanations explanations;
    private final TicketPermissions permissions;

    TicketController(TicketIntake intake, Tickets tickets, TicketHistory history, Conversation conversation,
                     TicketWaits waits, TicketQuotes quotes, TicketPermissions permissions,
                     TicketExplanations explanations) {
        this.intake = intake;
        this.explanations = explanations;
        this.permissions = permissions;
        this.quotes = quotes;
        this.waits = waits;
        this.tickets = tickets;
        this.history = history;
        this.conversation = conversation;
    }

    @Operation(summary = "Triage a ticket: name its client, and the policy decides it",
            description = "For mail from a sender no client is known by. The sender, or the sender's domain, can be "
                    + "made a contact of the client at the same time.")
    @ApiResponse(responseCode = "200", description = "The ticket, decided and routed")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the ticket is in a queue the caller does not work",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "The ticket is not waiting for triage, or the client is disabled",
            content = @Content)
    @ApiResponse(responseCode = "422", description = "The rules were stopped before they decided", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/triage")
    TicketView triage(@PathVariable String key, @Valid @RequestBody Triage triage, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        Ticket ticket = intake.triage(key, triage, user.getName());
        return TicketView.of(ticket, history.of(ticket.id()));
    }

    record CategoryCorrection(@NotNull Category category) {
    }

    /** A possible emergency is not one: the decision stands, and the badge goes. */
    @Operation(summary = "Mark a possible emergency as looked at: it is not one",
            description = "The decision stands; the ticket stops showing as a possible emergency.")
    @ApiResponse(responseCode = "200", description = "The ticket")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the ticket is in a queue the caller does not work",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "The ticket is not a possible emergency, or was already looked at",
            content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/not-an-emergency")
    TicketView notAnEmergency(@PathVariable String key, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        Ticket ticket = intake.notAnEmergency(key, user.getName());
        return TicketView.of(ticket, history.of(ticket.id()));
    }

    @Operation(summary = "Correct a ticket's category; the policy decides it again")
    @ApiResponse(responseCode = "200", description = "The ticket, decided again")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the ticket is in a queue the caller does not work",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "The ticket is not open work, or already has that category",
            content = @Content)
    @ApiResponse(responseCode = "422", description = "The rules were stopped before they decided", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/category")
    TicketView recategorize(@PathVariable String key, @Valid @RequestBody CategoryCorrection correction,
                            Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        Ticket ticket = intake.recategorize(key, correction.category(), user.getName());
        return TicketView.of(ticket, history.of(ticket.id()));
    }

    record Wait(@NotNull WaitingOn on) {
    }

    /** The ticket waits on someone; the policy decides whether that pauses its SLA clock. */
    @Operation(summary = "Put a ticket waiting on someone",
            description = "The policy decides whether the wait pauses the ticket's SLA clock.")
    @ApiResponse(responseCode = "200", description = "The ticket, waiting")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the ticket is in a queue the caller does not work",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "Only an open or assigned ticket can wait", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/waiting")
    TicketView waitOn(@PathVariable String key, @Valid @RequestBody Wait wait, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        Ticket ticket = waits.waitOn(key, wait.on(), user.getName());
        return TicketView.of(ticket, history.of(ticket.id()));
    }

    /** The wait is over; a paused SLA clock runs again, its due instant moved by the paused working time. */
    @Operation(summary = "End a ticket's wait",
            description = "A paused SLA clock runs again, its due instant moved later by the paused working time.")
    @ApiResponse(responseCode = "200", description = "The ticket")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the ticket is in a queue the caller does not work",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "The ticket is not waiting", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @DeleteMapping("/{key}/waiting")
    TicketView stopWaiting(@PathVariable String key, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        Ticket ticket = waits.stopWaiting(key, user.getName());
        return TicketView.of(ticket, history.of(ticket.id()));
    }

    record NewMessage(@NotBlank @Size(max = 20000) String body) {
    }

    @Operation(summary = "Add an internal note to a ticket")
    @ApiResponse(responseCode = "201", description = "The note")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the ticket is in a queue the caller does not work",
            content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/notes")
    ResponseEntity<TicketMessage> note(@PathVariable String key, @Valid @RequestBody NewMessage note, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        return ResponseEntity.status(HttpStatus.CREATED).body(conversation.addNote(key, user.getName(), note.body()));
    }

    @Operation(summary = "Reply to a ticket's customer",
            description = "The reply is mailed through the outbox; its mail status shows how far it got.")
    @ApiResponse(responseCode = "201", description = "The reply")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the ticket is in a queue the caller does not work",
            content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/replies")
    ResponseEntity<TicketMessage> reply(@PathVariable String key, @Valid @RequestBody NewMessage reply, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        return ResponseEntity.status(HttpStatus.CREATED).body(conversation.reply(key, user.getName(), reply.body()));
    }

    @Operation(summary = "A ticket with its history, quotes and the explanation of its decision")
    @GetMapping("/{key}")
    TicketView get(@PathVariable String key) {
        Ticket ticket = tickets.byKey(key);
        return TicketView.of(ticket, history.of(ticket.id()), quotes.of(ticket.id()),
                explanations.of(ticket.id()).orElse(null));
    }

    @Operation(summary = "List tickets, newest first, by status and route")
    @GetMapping
    List<TicketView> search(@RequestParam(required = false) TicketStatus status,
                            @RequestParam(required = false) Route route,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return tickets.search(status, route, limit).stream().map(t -> TicketView.of(t, null)).collect(Collectors.toList());
    }

}
