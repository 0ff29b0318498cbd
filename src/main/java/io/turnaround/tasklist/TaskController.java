package io.turnaround.tasklist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.staff.Staff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
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
import java.util.List;

/** Human tasks over REST: a user sees and acts on the tasks of their groups, managers on all. */
@RestController
@RequestMapping("/api/tasks")
@Validated
@Tag(name = "Tasks")
class TaskController {

    private final TaskRows rows;
    private final TaskActions actions;

    TaskController(TaskRows rows, TaskActions actions) {
        this.rows = rows;
        this.actions = actions;
    }

    @Operation(summary = "Open tasks of the caller's groups (a manager's: all), soonest due first",
            description = "Narrowed to one `group` or `assignee` if asked.")
    @GetMapping
    List<TaskRow> list(@RequestParam(required = false) String group, @RequestParam(required = false) String assignee,
                       @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit, Authentication user) {
        return rows.openFor(Staff.of(user), group, assignee, limit);
    }

    @Operation(summary = "A task the caller may see")
    @GetMapping("/{id}")
    TaskRow get(@PathVariable long id, Authentication user) {
        return actions.visible(id, Staff.of(user));
    }

    @Operation(summary = "Claim a task: it becomes the caller's, and the ticket's SLA clock stops")
    @ApiResponse(responseCode = "200", description = "The task, the caller's")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the task is another group's or someone else's",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "The task is not free to claim", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{id}/claim")
    TaskRow claim(@PathVariable long id, Authentication user) {
        return actions.claim(id, Staff.of(user));
    }

    @Operation(summary = "Release a claimed task back to its group")
    @ApiResponse(responseCode = "200", description = "The task, free again")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the task is another group's or someone else's",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "The task is not claimed", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{id}/release")
    TaskRow release(@PathVariable long id, Authentication user) {
        return actions.release(id, Staff.of(user));
    }

    record Delegation(@NotBlank String to) {
    }

    @Operation(summary = "Hand a task to a member of its group")
    @ApiResponse(responseCode = "200", description = "The task, the other person's")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, the task is another group's, or the person is not in its group",
            content = @Content)
    @ApiResponse(responseCode = "409", description = "The task cannot be handed on in its state", content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{id}/delegate")
    TaskRow delegate(@PathVariable long id, @Valid @RequestBody Delegation delegation, Authentication user) {
        return actions.delegate(id, Staff.of(user), delegation.to());
    }

    @Operation(summary = "Complete a task the caller holds")
    @ApiResponse(responseCode = "200", description = "The task, completed")
    @ApiResponse(responseCode = "403",
            description = "Refused: the caller's role, or the task is another group's or someone else's",
            content = @Content)
    @ApiResponse(responseCode = "409",
            description = "The task is not claimed by the caller, or is an estimate (complete it with its hours)",
            content = @Content)
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{id}/complete")
    TaskRow complete(@PathVariable long id, Authentication user) {
        return actions.complete(id, Staff.of(user));
    }
}
