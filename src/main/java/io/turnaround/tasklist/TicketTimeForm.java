package io.turnaround.tasklist;

import io.turnaround.billing.HoursFormat;
import io.turnaround.billing.InvalidHoursRequestException;
import io.turnaround.billing.TicketTime;
import io.turnaround.billing.TimeEntryNotFoundException;
import io.turnaround.billing.WorkDuration;
import io.turnaround.policy.facts.WorkKind;
import io.turnaround.staff.Staff;
import io.turnaround.client.Client;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketConflictException;
import io.turnaround.ticket.TicketPermissions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The ticket page's "Log time" form: the same rules as the API, answered with a message on the page; a refused write
 * gets the "Not allowed" page.
 */
@Controller
class TicketTimeForm {

    private final TicketTime time;
    private final TicketPermissions permissions;

    TicketTimeForm(TicketTime time, TicketPermissions permissions) {
        this.time = time;
        this.permissions = permissions;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/time")
    String log(@PathVariable String key, @RequestParam(defaultValue = "") String duration,
               @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String date,
               @RequestParam(defaultValue = "") String note, Authentication user, RedirectAttributes redirect) {
        Ticket ticket = permissions.requireWrite(key, Staff.of(user));
        try {
            Client client = time.clientOf(ticket);
            WorkKind workKind = kind(kind);
            TicketTime.Logged logged = time.log(ticket, new TicketTime.Request(workKind,
                    WorkDuration.parse("duration", duration), time.workedOn(client, day(date)), note, null, null),
                    user.getName());
            HoursFormat f = new HoursFormat(client.timeZone());
            redirect.addFlashAttribute("message", "Logged " + f.time(logged.entry().work()) + " of "
                    + workKind.name().toLowerCase().replace('_', ' ') + " for " + client.name() + " in "
                    + f.month(logged.month().month()) + ": " + f.time(logged.charged().included())
                    + " from the included hours, " + f.time(logged.charged().billable()) + " billable.");
        } catch (InvalidHoursRequestException | TicketConflictException e) {
            redirect.addFlashAttribute("error", "Time not logged: " + e.getMessage());
        }
        return "redirect:/tickets/" + ticket.key() + "#time";
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/time/{id}/withdrawal")
    String withdraw(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                    Authentication user, RedirectAttributes redirect) {
        Staff staff = Staff.of(user);
        Ticket ticket = permissions.requireWrite(key, staff);
        try {
            time.withdraw(ticket, id, reason, user.getName(), permissions.writesToAny(staff));
            redirect.addFlashAttribute("message", "Time entry " + id + " withdrawn: it no longer counts.");
        } catch (InvalidHoursRequestException | TimeEntryNotFoundException e) {
            redirect.addFlashAttribute("error", "Not withdrawn: " + e.getMessage());
        }
        return "redirect:/tickets/" + ticket.key() + "#time";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(AccessDeniedException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "forbidden";
    }

    private static WorkKind kind(String kind) {
        try {
            return WorkKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidHoursRequestException("kind", "choose the kind of work");
        }
    }

    private static LocalDate day(String date) {
        try {
            return date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidHoursRequestException("date", "'" + date + "' is not a date like 2026-11-24");
        }
    }
}
