package io.turnaround.tasklist;

import io.turnaround.client.Client;
import io.turnaround.client.ClientConflictException;
import io.turnaround.client.Clients;
import io.turnaround.client.InvalidClientRequestException;
import io.turnaround.policy.facts.Category;
import io.turnaround.staff.Staff;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketConflictException;
import io.turnaround.ticket.TicketIntake;
import io.turnaround.ticket.TicketNotFoundException;
import io.turnaround.ticket.TicketPermissions;
import io.turnaround.ticket.Triage;
import io.turnaround.ticket.TriageQueue;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.Arrays;

/**
 * The triage queue: mail from senders nobody knows, the longest waiting first, each with the client it most likely
 * belongs to. One form links a ticket to its client, can make the sender or their whole domain its contact, and can
 * set the category; the SLA counts from receipt, as the wait shows. For the support desk, managers and admins.
 */
@Controller
class TriagePage {

    private static final int SHOWN = 200;

    private final TriageQueue queue;
    private final TicketIntake intake;
    private final TicketPermissions permissions;
    private final Clients clients;
    private final Clock clock;

    TriagePage(TriageQueue queue, TicketIntake intake, TicketPermissions permissions, Clients clients, Clock clock) {
        this.queue = queue;
        this.intake = intake;
        this.permissions = permissions;
        this.clients = clients;
        this.clock = clock;
    }

    @GetMapping("/tasks/triage")
    String list(Authentication user, Model model, RedirectAttributes redirect) {
        Staff staff = Staff.of(user);
        if (!permissions.triages(staff)) {
            redirect.addFlashAttribute("error", "The triage queue is the support desk's, the managers' and the"
                    + " admins'.");
            return "redirect:/tasks";
        }
        model.addAttribute("staff", staff);
        model.addAttribute("waiting", queue.oldestFirst(SHOWN, clock.instant()));
        model.addAttribute("clients", clients.all().stream().filter(Client::enabled).toList());
        model.addAttribute("domains", clients.contactDomains());
        model.addAttribute("categories", Arrays.asList(Category.values()));
        model.addAttribute("returnTo", "/tasks/triage");
        return "triage";
    }

    /**
     * Links the ticket to the client named in the form. {@code contact} is NONE, SENDER or DOMAIN; an empty
     * {@code category} lets the policy decide it.
     */
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/triage")
    String triage(@PathVariable String key, @RequestParam(defaultValue = "") String client,
                  @RequestParam(defaultValue = "NONE") String contact, @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "/tasks/triage") String returnTo, Authentication user,
                  RedirectAttributes redirect) {
        String canonicalKey = permissions.requireWrite(key, Staff.of(user)).key();
        var found = clients.byName(client);
        if (found.isEmpty()) {
            redirect.addFlashAttribute("error", "No client is called " + client.trim() + ": pick one from the list.");
            return "redirect:" + TaskListPage.safe(returnTo);
        }
        try {
            Category chosen = category.isBlank() ? null : Category.valueOf(category);
            Ticket ticket = intake.triage(canonicalKey, new Triage(found.get().id(), contact.equals("SENDER"),
                    contact.equals("DOMAIN"), chosen), user.getName());
            redirect.addFlashAttribute("message", ticket.key() + " is " + ticket.clientName() + "'s now: "
                    + ticket.category() + ", " + ticket.route() + " for " + ticket.candidateGroup() + ".");
            return "redirect:/tickets/" + ticket.key();
        } catch (TicketConflictException | ClientConflictException | InvalidClientRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "There is no category " + category + ".");
        }
        return "redirect:" + TaskListPage.safe(returnTo);
    }

    @ExceptionHandler(TicketNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(TicketNotFoundException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "not-found";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(AccessDeniedException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "forbidden";
    }
}
