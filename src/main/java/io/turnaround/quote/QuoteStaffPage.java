package io.turnaround.quote;

import io.turnaround.staff.Staff;
import io.turnaround.ticket.TicketPermissions;
import io.turnaround.workflow.TaskActionRefusedException;
import io.turnaround.workflow.TaskNotFoundException;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;

/**
 * The estimate form on the ticket page: sales gives the hours and the work, and the quote goes out. Only someone who
 * may write to the ticket and holds its estimate task may send it; anyone else gets the "Not allowed" page.
 */
@Controller
class QuoteStaffPage {

    private final QuoteActions actions;
    private final TicketPermissions permissions;

    QuoteStaffPage(QuoteActions actions, TicketPermissions permissions) {
        this.actions = actions;
        this.permissions = permissions;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/quotes/estimate")
    String estimate(@PathVariable String key, @RequestParam long taskId, @RequestParam(defaultValue = "") String hours,
                    @RequestParam(defaultValue = "") String description, Authentication user, RedirectAttributes redirect) {
        String canonicalKey = permissions.requireWrite(key, Staff.of(user)).key();
        try {
            QuoteView quote = actions.estimate(taskId, user.getName(), new BigDecimal(hours.strip()), description);
            redirect.addFlashAttribute("message", "Quote " + quote.id() + " sent: " + quote.hours() + " h, $"
                    + quote.amount() + ".");
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "'" + hours + "' is not a number of hours.");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("error", e.getReason());
        } catch (TaskActionRefusedException e) {
            if (e.isForbidden()) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (TaskNotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tickets/" + canonicalKey;
    }

    @ExceptionHandler({AccessDeniedException.class, TaskActionRefusedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(RuntimeException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "forbidden";
    }
}
