package io.turnaround.ticket;

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
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/not-an-emergency")
    TicketView notAnEmergency(@PathVariable String key, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        Ticket ticket = intake.notAnEmergency(key, user.getName());
        return TicketView.of(ticket, history.of(ticket.id()));
    }

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
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/waiting")
    TicketView waitOn(@PathVariable String key, @Valid @RequestBody Wait wait, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        Ticket ticket = waits.waitOn(key, wait.on(), user.getName());
        return TicketView.of(ticket, history.of(ticket.id()));
    }

    /** The wait is over; a paused SLA clock runs again, its due instant moved by the paused working time. */
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @DeleteMapping("/{key}/waiting")
    TicketView stopWaiting(@PathVariable String key, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        Ticket ticket = waits.stopWaiting(key, user.getName());
        return TicketView.of(ticket, history.of(ticket.id()));
    }

    record NewMessage(@NotBlank @Size(max = 20000) String body) {
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/notes")
    ResponseEntity<TicketMessage> note(@PathVariable String key, @Valid @RequestBody NewMessage note, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        return ResponseEntity.status(HttpStatus.CREATED).body(conversation.addNote(key, user.getName(), note.body()));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{key}/replies")
    ResponseEntity<TicketMessage> reply(@PathVariable String key, @Valid @RequestBody NewMessage reply, Authentication user) {
        permissions.requireWrite(key, Staff.of(user));
        return ResponseEntity.status(HttpStatus.CREATED).body(conversation.reply(key, user.getName(), reply.body()));
    }

    @GetMapping("/{key}")
    TicketView get(@PathVariable String key) {
        Ticket ticket = tickets.byKey(key);
        return TicketView.of(ticket, history.of(ticket.id()), quotes.of(ticket.id()),
                explanations.of(ticket.id()).orElse(null));
    }

    @GetMapping
    List<TicketView> search(@RequestParam(required = false) TicketStatus status,
                            @RequestParam(required = false) Route route,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return tickets.search(status, route, limit).stream().map(t -> TicketView.of(t, null)).collect(Collectors.toList());
    }

}
