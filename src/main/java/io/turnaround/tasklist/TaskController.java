package io.turnaround.tasklist;

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
class TaskController {

    private final TaskRows rows;
    private final TaskActions actions;

    TaskController(TaskRows rows, TaskActions actions) {
        this.rows = rows;
        this.actions = actions;
    }

    @GetMapping
    List<TaskRow> list(@RequestParam(required = false) String group, @RequestParam(required = false) String assignee,
                       @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit, Authentication user) {
        return rows.openFor(Staff.of(user), group, assignee, limit);
    }

    @GetMapping("/{id}")
    TaskRow get(@PathVariable long id, Authentication user) {
        return actions.visible(id, Staff.of(user));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{id}/claim")
    TaskRow claim(@PathVariable long id, Authentication user) {
        return actions.claim(id, Staff.of(user));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{id}/release")
    TaskRow release(@PathVariable long id, Authentication user) {
        return actions.release(id, Staff.of(user));
    }

    record Delegation(@NotBlank String to) {
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{id}/delegate")
    TaskRow delegate(@PathVariable long id, @Valid @RequestBody Delegation delegation, Authentication user) {
        return actions.delegate(id, Staff.of(user), delegation.to());
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ADMIN')")
    @PostMapping("/{id}/complete")
    TaskRow complete(@PathVariable long id, Authentication user) {
        return actions.complete(id, Staff.of(user));
    }
}
