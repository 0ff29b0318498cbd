package io.turnaround.tasklist;

import io.turnaround.billing.TicketTime;
import io.turnaround.client.Client;
import io.turnaround.client.Clients;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.WaitingOn;
import io.turnaround.staff.Staff;
import io.turnaround.ticket.Conversation;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketAttachment;
import io.turnaround.ticket.TicketConflictException;
import io.turnaround.ticket.TicketIntake;
import io.turnaround.ticket.TicketLookup;
import io.turnaround.ticket.TicketNotFoundException;
import io.turnaround.ticket.TicketPermissions;
import io.turnaround.ticket.TicketStatus;
import io.turnaround.ticket.TicketWaits;
import io.turnaround.ticket.TriageQueue;
import io.turnaround.web.Times;
import io.turnaround.web.ViewerZone;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import javax.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * One ticket: what came in, what the policy decided (and which version), the SLA, open tasks, the conversation
 * (internal notes and replies to the customer) and the history.
 */
@Controller
class TicketPage {

    private static final int MAX_MESSAGE = 20_000;

    private final TicketLookup tickets;
    private final TicketIntake intake;
    private final TicketWaits waits;
    private final Conversation conversation;
    private final TaskRows rows;
    private final TaskActions actions;
    private final Clock clock;
    private final TicketTime time;
    private final TicketPermissions permissions;
    private final TriageQueue triage;
    private final Clients clients;
    private final ViewerZone viewer;
    private final Times times;

    TicketPage(TicketLookup tickets, TicketIntake intake, TicketWaits waits, Conversation conversation, TaskRows rows,
               TaskActions actions, Clock clock, TicketTime time, TicketPermissions permissions, TriageQueue triage,
               Clients clients, ViewerZone viewer, Times times) {
        this.triage = triage;
        this.clients = clients;
        this.viewer = viewer;
        this.times = times;
        this.tickets = tickets;
        this.intake = intake;
        this.waits = waits;
        this.conversation = conversation;
        this.rows = rows;
        this.actions = actions;
        this.clock = clock;
        this.time = time;
        this.permissions = permissions;
    }

    /** A file that came with the ticket's mail, as a download (never shown inline: it is the sender's content). */
    @GetMapping("/tickets/{key}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String key, @PathVariable long id) {
        Ticket ticket = tickets.find(key);
        TicketAttachment file = conversation.attachmentsOf(ticket.id()).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new TicketNotFoundException(key + " attachment " + id));
        byte[] content = conversation.attachment(ticket.id(), id)
                .orElseThrow(() -> new TicketNotFoundException(key + " attachment " + id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename(),
                        StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(content);
    }

    @GetMapping("/tickets/{key}")
    String show(@PathVariable String key, Authentication user, Model model) {
        Ticket ticket = tickets.find(key);
        Staff staff = Staff.of(user);
        model.addAttribute("staff", staff);
        model.addAttribute("now", clock.instant());
        model.addAttribute("ticket", ticket);
        model.addAttribute("history", tickets.history(ticket.id()));
        model.addAttribute("explanation", tickets.explanation(ticket.id()).orElse(null));
        List<TaskRow> open = rows.openOfTicket(ticket.id());
        // Anyone on staff may read a ticket, but another group's task is neither listed nor actionable here.
        List<TaskRow> tasks = open.stream().filter(task -> actions.mayAct(task, staff)).toList();
        model.addAttribute("tasks", tasks);
        model.addAttribute("hiddenTasks", open.size() - tasks.size());
        model.addAttribute("assignees", actions.assignees(tasks));
        model.addAttribute("messages", conversation.of(ticket.id()));
        model.addAttribute("attachments", conversation.attachmentsOf(ticket.id()));
        model.addAttribute("categories", Category.values());
        model.addAttribute("slaSteps", tickets.slaSteps(ticket.id()));
        model.addAttribute("waits", WaitingOn.values());
        model.addAttribute("time", time.section(ticket));
        // The forms are offered only to those who may write; the write itself checks again.
        String refusal = permissions.refusal(ticket, staff).orElse(null);
        model.addAttribute("mayWrite", refusal == null);
        model.addAttribute("clientZone", clients.findByTicket(ticket.id()).map(Client::timeZone).orElse(null));
        if (ticket.status() == TicketStatus.TRIAGE && refusal == null && permissions.triages(staff)) {
            model.addAttribute("triage", triage.waiting(ticket, clock.instant()));
            model.addAttribute("clients", clients.all().stream().filter(Client::enabled).toList());
            model.addAttribute("domains", clients.contactDomains());
        }
        model.addAttribute("writeRefusal", refusal);
        return "ticket";
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/{kind:notes|replies}")
    String write(@PathVariable String key, @PathVariable String kind, @RequestParam(defaultValue = "") String body,
                 Authentication user, RedirectAttributes redirect) {
        Ticket ticket = permissions.requireWrite(key, Staff.of(user));
        if (body.isBlank() || body.length() > MAX_MESSAGE) {
            redirect.addFlashAttribute("error", body.isBlank() ? "Write something first."
                    : "That is " + body.length() + " characters; the limit is " + MAX_MESSAGE + ".");
            redirect.addFlashAttribute("draft", body);
        } else if ("notes".equals(kind)) {
            conversation.addNote(ticket.key(), user.getName(), body);
            redirect.addFlashAttribute("message", "Note added. Only staff see it.");
        } else {
            conversation.reply(ticket.key(), user.getName(), body);
            redirect.addFlashAttribute("message", "Reply queued for " + ticket.sender() + ".");
        }
        return "redirect:/tickets/" + ticket.key();
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/not-an-emergency")
    String notAnEmergency(@PathVariable String key, Authentication user, RedirectAttributes redirect) {
        String canonicalKey = permissions.requireWrite(key, Staff.of(user)).key();
        try {
            Ticket ticket = intake.notAnEmergency(canonicalKey, user.getName());
            redirect.addFlashAttribute("message", "Marked as no emergency: it stays " + ticket.category() + ".");
        } catch (TicketConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tickets/" + canonicalKey;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/category")
    String recategorize(@PathVariable String key, @RequestParam String category, Authentication user,
                        HttpServletRequest request, RedirectAttributes redirect) {
        String canonicalKey = permissions.requireWrite(key, Staff.of(user)).key();
        try {
            Ticket ticket = intake.recategorize(canonicalKey, Category.valueOf(category), user.getName());
            redirect.addFlashAttribute("message", "Now " + ticket.category() + ": " + ticket.route() + " for "
                    + ticket.candidateGroup() + ", due " + times.at(ticket.slaDueAt(), viewer.of(user, request)) + ".");
        } catch (TicketConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "There is no category " + category + ".");
        }
        return "redirect:/tickets/" + canonicalKey;
    }

    /** The ticket waits on someone ({@code on}), or, without {@code on}, stops waiting. */
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tickets/{key}/waiting")
    String waiting(@PathVariable String key, @RequestParam(required = false) String on, Authentication user,
                   HttpServletRequest request, RedirectAttributes redirect) {
        String canonicalKey = permissions.requireWrite(key, Staff.of(user)).key();
        try {
            Ticket ticket = on == null || on.isBlank() ? waits.stopWaiting(canonicalKey, user.getName())
                    : waits.waitOn(canonicalKey, WaitingOn.valueOf(on), user.getName());
            redirect.addFlashAttribute("message", ticket.status() == TicketStatus.WAITING
                    ? "Waiting on " + ticket.waitingOn() + (ticket.slaPausedAt() != null ? "; the SLA clock is paused." : ".")
                    : "No longer waiting; due " + times.at(ticket.slaDueAt(), viewer.of(user, request)) + ".");
        } catch (TicketConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "A ticket cannot wait on " + on + ".");
        }
        return "redirect:/tickets/" + canonicalKey;
    }

    /** A refused write, even a forged one, gets the page that says why (the API answers a 403 problem instead). */
    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(AccessDeniedException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "forbidden";
    }

    @ExceptionHandler(TicketNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(TicketNotFoundException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "not-found";
    }
}
