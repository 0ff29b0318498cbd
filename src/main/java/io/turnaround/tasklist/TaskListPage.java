package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import io.turnaround.ticket.TicketPermissions;
import io.turnaround.ticket.TriageQueue;
import io.turnaround.workflow.TaskActionRefusedException;
import io.turnaround.workflow.TaskNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task list page: the viewer's tasks soonest due first, filtered and paged, with claim, release, assign to a
 * person and complete. An open list refreshes itself when a task changes anywhere (an event stream).
 * Actions are plain form posts that come back to the page the user was on, filters and all.
 */
@Controller
class TaskListPage {

    static final List<String> TIERS = List.of("BRONZE", "SILVER", "GOLD", "PLATINUM");
    static final List<String> ROUTES = List.of("HOSTING_PARTNER", "CLIENT_HOSTING", "DEV_TEAM", "SUPPORT_DESK",
            "CUSTOM_QUOTE", "TRAINING");
    static final List<String> STATES = List.of("READY", "RESERVED", "IN_PROGRESS");

    private final TaskRows rows;
    private final TaskActions actions;
    private final TicketPermissions permissions;
    private final TriageQueue triage;
    private final TaskListEvents events;
    private final Clock clock;

    TaskListPage(TaskRows rows, TaskActions actions, TicketPermissions permissions, TriageQueue triage,
                 TaskListEvents events, Clock clock) {
        this.events = events;
        this.rows = rows;
        this.permissions = permissions;
        this.triage = triage;
        this.actions = actions;
        this.clock = clock;
    }

    @ModelAttribute
    void common(Authentication user, Model model) {
        if (user != null) {
            model.addAttribute("staff", Staff.of(user));
            model.addAttribute("now", clock.instant());
        }
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String scope, @RequestParam(required = false) String group,
                @RequestParam(required = false) String tier, @RequestParam(required = false) String route,
                @RequestParam(required = false) String state, @RequestParam(defaultValue = "0") String page,
                Authentication user, Model model) {
        Staff staff = Staff.of(user);
        TaskQuery query = new TaskQuery(TaskQuery.Scope.parse(scope), group, tier, route, state, pageNumber(page));
        // Rendered with the latest change before the rows are read: a change in between is told to the list again.
        model.addAttribute("listVersion", events.latest());
        showRows(staff, query, Map.of(), model);
        model.addAttribute("groups", staff.seesAllQueues() ? rows.groups() : staff.groups().stream().sorted().toList());
        model.addAttribute("tiers", TIERS);
        model.addAttribute("routes", ROUTES);
        model.addAttribute("states", STATES);
        model.addAttribute("triageWaiting", permissions.triages(staff) ? triage.count() : null);
        return "tasks";
    }

    /**
     * The list part of the page alone, as an open list fetches it when told of a change. {@code shown} names the rows
     * the browser shows and their versions ({@code id.version,…}, see {@link ShownRows}); those unchanged come back as
     * placeholders, so a refresh costs the rows that changed, not the page.
     */
    @GetMapping("/tasks/list")
    String listOnly(@RequestParam(required = false) String scope, @RequestParam(required = false) String group,
                    @RequestParam(required = false) String tier, @RequestParam(required = false) String route,
                    @RequestParam(required = false) String state, @RequestParam(defaultValue = "0") String page,
                    @RequestParam(defaultValue = "") String shown, Authentication user, Model model) {
        TaskQuery query = new TaskQuery(TaskQuery.Scope.parse(scope), group, tier, route, state, pageNumber(page));
        showRows(Staff.of(user), query, ShownRows.parse(shown), model);
        return "tasks :: list";
    }

    /** The page of rows, each with its version, and which of them the browser already shows as they are. */
    private void showRows(Staff staff, TaskQuery query, Map<Long, String> shown, Model model) {
        String parameters = query.parameters();
        String returnTo = parameters.isEmpty() ? "/tasks" : "/tasks?" + parameters;
        TaskPage result = rows.page(staff, query);
        Map<String, List<String>> assignees = actions.assignees(result.rows());
        String zone = String.valueOf(model.getAttribute("viewerZone"));
        Map<Long, String> versions = new HashMap<>();
        Set<Long> kept = new HashSet<>();
        for (TaskRow row : result.rows()) {
            String version = ShownRows.version(row, assignees.getOrDefault(row.candidateGroup(), List.of()), returnTo, zone);
            versions.put(row.id(), version);
            if (version.equals(shown.get(row.id()))) {
                kept.add(row.id());
            }
        }
        model.addAttribute("query", query);
        model.addAttribute("returnTo", returnTo);
        model.addAttribute("listUrl", "/tasks/list" + (parameters.isEmpty() ? "" : "?" + parameters));
        model.addAttribute("result", result);
        model.addAttribute("assignees", assignees);
        model.addAttribute("versions", versions);
        model.addAttribute("kept", kept);
    }

    /**
     * The open list's event stream: {@code tasks-changed} whenever a task that concerns the viewer changes after
     * {@code since}, the latest change the page was rendered with. A client that is no event source (it does not accept
     * {@code text/event-stream}) gets the greeting and the end at once.
     */
    @GetMapping("/tasks/events")
    SseEmitter events(@RequestHeader(value = HttpHeaders.ACCEPT, defaultValue = "") String accept,
                      @RequestParam(defaultValue = "") String since, Authentication user) throws IOException {
        if (accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            return events.subscribe(Staff.of(user), since);
        }
        SseEmitter once = new SseEmitter();
        once.send(SseEmitter.event().comment("listening"));
        once.complete();
        return once;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/tasks/{id}/{action:claim|release|complete|delegate}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(defaultValue = "/tasks") String returnTo,
               @RequestParam(required = false) String to, Authentication user, RedirectAttributes redirect) {
        Staff staff = Staff.of(user);
        try {
            TaskRow task = switch (action) {
                case "claim" -> actions.claim(id, staff);
                case "release" -> actions.release(id, staff);
                case "delegate" -> actions.delegate(id, staff, to == null ? "" : to);
                default -> actions.complete(id, staff);
            };
            redirect.addFlashAttribute("message", switch (action) {
                case "claim" -> "You hold '" + task.name() + "' for " + task.ticketKey() + ".";
                case "release" -> "'" + task.name() + "' for " + task.ticketKey() + " is back in its queue.";
                case "delegate" -> "'" + task.name() + "' for " + task.ticketKey() + " is now with " + task.assignee() + ".";
                default -> "'" + task.name() + "' for " + task.ticketKey() + " is done.";
            });
        } catch (TaskActionRefusedException e) {
            if (e.isForbidden()) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + safe(returnTo);
    }

    @ExceptionHandler(TaskActionRefusedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(TaskActionRefusedException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "forbidden";
    }

    @ExceptionHandler(TaskNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(TaskNotFoundException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "not-found";
    }

    /** A page number from a link; anything that is not one is the first page. */
    private static int pageNumber(String page) {
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Only back to our own pages: a crafted returnTo must not send the user elsewhere. */
    static String safe(String returnTo) {
        boolean ours = (returnTo.startsWith("/tasks") || returnTo.startsWith("/tickets/") || returnTo.equals("/manager"))
                && !returnTo.contains("//") && !returnTo.contains("\\");
        return ours ? returnTo : "/tasks";
    }
}
