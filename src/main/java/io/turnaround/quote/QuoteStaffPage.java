package io.turnaround.quote;

import io.turnaround.ticket.TicketLookup;
import io.turnaround.workflow.TaskActionRefusedException;
import io.turnaround.workflow.TaskNotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;

/** The estimate form on the ticket page: sales gives the hours and the work, and the quote goes out. */
@Controller
class QuoteStaffPage {

    private final QuoteActions actions;
    private final TicketLookup tickets;

    QuoteStaffPage(QuoteActions actions, TicketLookup tickets) {
        this.actions = actions;
        this.tickets = tickets;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/quotes/estimate")
    String estimate(@PathVariable String key, @RequestParam long taskId, @RequestParam(defaultValue = "") String hours,
                    @RequestParam(defaultValue = "") String description, Authentication user, RedirectAttributes redirect) {
        String canonicalKey = tickets.find(key).key();
        try {
            QuoteView quote = actions.estimate(taskId, user.getName(), new BigDecimal(hours.strip()), description);
            redirect.addFlashAttribute("message", "Quote " + quote.id() + " sent: " + quote.hours() + " h, $"
                    + quote.amount() + ".");
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "'" + hours + "' is not a number of hours.");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("error", e.getReason());
        } catch (TaskActionRefusedException | TaskNotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tickets/" + canonicalKey;
    }
}
