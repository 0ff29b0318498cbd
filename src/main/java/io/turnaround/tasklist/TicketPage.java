package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketLookup;
import io.turnaround.ticket.TicketNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.time.Clock;

/** One ticket: what came in, what the policy decided (and which version), the SLA timeline, history, open tasks. */
@Controller
class TicketPage {

    private final TicketLookup tickets;
    private final TaskRows rows;
    private final Clock clock;

    TicketPage(TicketLookup tickets, TaskRows rows, Clock clock) {
        this.tickets = tickets;
        this.rows = rows;
        this.clock = clock;
    }

    @GetMapping("/tickets/{key}")
    String show(@PathVariable String key, Authentication user, Model model) {
        Ticket ticket = tickets.find(key);
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("now", clock.instant());
        model.addAttribute("ticket", ticket);
        model.addAttribute("history", tickets.history(ticket.id()));
        model.addAttribute("tasks", rows.openOfTicket(ticket.id()));
        return "ticket";
    }

    @ExceptionHandler(TicketNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(TicketNotFoundException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "not-found";
    }
}
