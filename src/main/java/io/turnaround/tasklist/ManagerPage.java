package io.turnaround.tasklist;

import io.turnaround.mail.MailStatus;
import io.turnaround.mail.MailboxWatch;
import io.turnaround.mail.OutboundMails;
import io.turnaround.staff.Staff;
import io.turnaround.ticket.MailIntake;
import io.turnaround.ticket.TicketLookup;
import io.turnaround.ticket.TriageQueue;
import io.turnaround.workflow.NoFailedTimerException;
import io.turnaround.workflow.TimerStillRetryingException;
import io.turnaround.workflow.TaskActionRefusedException;
import io.turnaround.workflow.TaskNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * For managers: the escalations waiting for them, the tickets already breached and those at risk (nobody holds
 * their work yet), handing several tasks to one person at once, timers whose work keeps failing, mail that could
 * not be sent, and how late SLA timers run.
 */
@Controller
class ManagerPage {

    /** How many unassigned work tasks, soonest due first, are sorted into breached and at risk. */
    private static final int WATCHED = 500;
    /** How many failed mails, newest first, the page lists (the API lists more). */
    private static final int FAILED_MAIL_SHOWN = 100;

    private final TaskRows rows;
    private final TaskActions actions;
    private final SlaOversight oversight;
    private final OutboundMails mails;
    private final MailIntake mailIntake;
    private final MailboxWatch mailbox;
    private final TriageQueue triage;
    private final TicketLookup tickets;
    private final Clock clock;

    ManagerPage(TaskRows rows, TaskActions actions, SlaOversight oversight, OutboundMails mails, MailIntake mailIntake,
                MailboxWatch mailbox, TriageQueue triage, TicketLookup tickets, Clock clock) {
        this.triage = triage;
        this.tickets = tickets;
        this.mailIntake = mailIntake;
        this.mailbox = mailbox;
        this.rows = rows;
        this.actions = actions;
        this.oversight = oversight;
        this.mails = mails;
        this.clock = clock;
    }

    @GetMapping("/manager")
    String show(Authentication user, Model model) {
        Instant now = clock.instant();
        List<TaskRow> escalations = rows.openEscalations(WATCHED);
        List<TaskRow> watched = rows.unassignedWork(WATCHED);
        List<TaskRow> breached = watched.stream().filter(t -> "breached".equals(t.slaStanding(now))).toList();
        List<TaskRow> atRisk = watched.stream().filter(t -> "at-risk".equals(t.slaStanding(now))).toList();
        List<TaskRow> shown = new ArrayList<>(escalations);
        shown.addAll(breached);
        shown.addAll(atRisk);
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("now", now);
        model.addAttribute("escalations", escalations);
        model.addAttribute("breached", breached);
        model.addAttribute("atRisk", atRisk);
        Map<String, List<String>> assignees = actions.assignees(shown);
        model.addAttribute("assignees", assignees);
        model.addAttribute("people", new TreeSet<>(assignees.values().stream().flatMap(List::stream).toList()));
        model.addAttribute("returnTo", "/manager");
        model.addAttribute("deadLetters", oversight.deadLetters());
        model.addAttribute("triageOverdue", triage.overdue(WATCHED, now));
        model.addAttribute("triageWarnAfter", triage.warnAfter());
        model.addAttribute("possibleEmergencies", tickets.possibleEmergenciesToLookAt(WATCHED));
        model.addAttribute("lateness", oversight.recentLateness());
        model.addAttribute("failedMail", mails.list(MailStatus.FAILED, FAILED_MAIL_SHOWN));
        model.addAttribute("mailQueued", mails.queued());
        model.addAttribute("unreadableMail", mailIntake.unreadable(FAILED_MAIL_SHOWN));
        model.addAttribute("mailboxStalled", mailbox.status().filter(MailboxWatch.Status::stalled)
                .map(MailboxWatch.Status::reason).orElse(null));
        return "manager";
    }

    /** The raw message, as a download: it is whatever someone sent, never shown inline. */
    @GetMapping(value = "/manager/unreadable-mail/{id}", produces = "message/rfc822")
    ResponseEntity<byte[]> unreadable(@PathVariable long id) {
        return mailIntake.rawOf(id).map(raw -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"unreadable-" + id + ".eml\"")
                        .header("X-Content-Type-Options", "nosniff").body(raw))
                .orElse(ResponseEntity.notFound().build());
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/manager/mail/{id}/retry")
    String retryMail(@PathVariable long id, RedirectAttributes redirect) {
        switch (mails.retry(id, clock.instant())) {
            case QUEUED_NOW -> redirect.addFlashAttribute("message", "Mail " + id + " is queued again and goes out"
                    + " within seconds; if it fails again it comes back to this list after its retries.");
            case NOT_FOUND -> redirect.addFlashAttribute("error", "There is no mail " + id + ".");
            case ALREADY_SENT -> redirect.addFlashAttribute("error", "Mail " + id + " was sent already.");
            case BEING_SENT -> redirect.addFlashAttribute("error", "Mail " + id + " is being sent right now.");
        }
        return "redirect:/manager#failed-mail";
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/manager/failed-timers/{processInstanceId}/retry")
    String retry(@PathVariable long processInstanceId, RedirectAttributes redirect) {
        try {
            oversight.retry(processInstanceId);
            redirect.addFlashAttribute("message", "Retrying; if it fails again it comes back to this list.");
        } catch (NoFailedTimerException | TimerStillRetryingException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/manager";
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/manager/assign")
    String assign(@RequestParam(name = "task", required = false) List<Long> tasks, @RequestParam String to,
                  Authentication user, RedirectAttributes redirect) {
        if (tasks == null || tasks.isEmpty()) {
            redirect.addFlashAttribute("error", "Tick the tasks to assign first.");
            return "redirect:/manager";
        }
        Staff staff = Staff.of(user);
        List<String> refused = new ArrayList<>();
        int assigned = 0;
        for (long id : tasks) {
            try {
                actions.delegate(id, staff, to);
                assigned++;
            } catch (TaskActionRefusedException | TaskNotFoundException e) {
                refused.add(e.getMessage());
            }
        }
        if (assigned > 0) {
            redirect.addFlashAttribute("message", "Assigned " + assigned + " task(s) to " + to + ".");
        }
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("error", refused.size() + " not assigned: " + String.join("; ", refused));
        }
        return "redirect:/manager";
    }
}
