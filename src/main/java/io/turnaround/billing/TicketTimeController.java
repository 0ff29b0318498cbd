package io.turnaround.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.staff.Staff;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketLookup;
import io.turnaround.ticket.TicketPermissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Time logged on a ticket: those who may write to the ticket log it; whoever reads the ticket reads it. */
@RestController
@RequestMapping("/api/tickets/{key}/time")
@Tag(name = "Hours and statements")
class TicketTimeController {

    private final TicketLookup tickets;
    private final TicketTime time;
    private final TicketPermissions permissions;

    TicketTimeController(TicketLookup tickets, TicketTime time, TicketPermissions permissions) {
        this.tickets = tickets;
        this.time = time;
        this.permissions = permissions;
    }

    /** {@code duration} (PT1H30M, 1:30) or {@code minutes}, not both; {@code workedAt} defaults to now. */
    record LogTime(String duration, Integer minutes, WorkKind kind, Instant workedAt, String note, Long taskId,
                   Long quoteId) {

        Duration work() {
            if (duration != null && minutes != null) {
                throw new InvalidHoursRequestException("minutes", "give duration or minutes, not both");
            }
            if (minutes != null && (minutes < 1 || minutes > NewTimeEntry.MOST_PER_ENTRY.toMinutes())) {
                throw new InvalidHoursRequestException("minutes", "minutes must be from 1 to "
                        + NewTimeEntry.MOST_PER_ENTRY.toMinutes() + ": " + minutes);
            }
            return minutes != null ? Duration.ofMinutes(minutes)
                    : duration == null ? null : WorkDuration.parse("duration", duration);
        }
    }

    @Operation(summary = "Log time worked on a ticket",
            description = "`duration` (PT1H30M, 1:30) or `minutes`, not both; `workedAt` defaults to now. The answer "
                    + "says how much the client's included hours covered and what is billable.")
    @ApiResponse(responseCode = "201", description = "The entry, and the client's month with it")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the ticket is in a queue the caller does not work",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "The ticket has no client to bill", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping
    ResponseEntity<HoursJson.Logged> log(@PathVariable String key, @RequestBody LogTime body, Authentication user) {
        Ticket ticket = permissions.requireWrite(key, Staff.of(user));
        TicketTime.Logged logged = time.log(ticket, new TicketTime.Request(body.kind(), body.work(), body.workedAt(),
                body.note(), body.taskId(), body.quoteId()), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(HoursJson.Logged.of(logged));
    }

    @Operation(summary = "The time logged on a ticket")
    @GetMapping
    List<HoursJson.LoggedTime> list(@PathVariable String key) {
        return time.ofTicket(tickets.find(key)).stream().map(HoursJson.LoggedTime::of).toList();
    }

    /** Withdraws a mistaken entry (it stays in the log, no longer counting); {@code reason} goes to the history. */
    @Operation(summary = "Withdraw a mistaken time entry",
            description = "It stays in the log and stops counting; `reason` goes to the ticket's history. Whoever "
                    + "logged it may, and those who may write to any ticket.")
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    @ApiResponse(responseCode = "403", description = "Refused: the caller's role, or the entry is someone else's",
            content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> withdraw(@PathVariable String key, @PathVariable long id,
                                  @RequestParam(required = false) String reason, Authentication user) {
        Staff staff = Staff.of(user);
        time.withdraw(permissions.requireWrite(key, staff), id, reason, user.getName(), permissions.writesToAny(staff));
        return ResponseEntity.noContent().build();
    }
}
