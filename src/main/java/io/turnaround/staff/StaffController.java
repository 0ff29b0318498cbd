package io.turnaround.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** Admins manage staff accounts: roles, groups, time zone, enabled, passwords (README, "Staff accounts"). */
@RestController
@RequestMapping("/api/staff")
@Validated
@Tag(name = "Staff")
class StaffController {

    private final StaffAccounts accounts;

    StaffController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    record NewStaff(@NotBlank @Size(max = 100) String username, @Size(max = 200) String displayName,
                    @Size(max = 320) String email, @NotEmpty Set<StaffRole> roles, Set<String> groups,
                    @Size(max = 64) String timeZone, @NotBlank String password) {
    }

    /** Only the fields given change. */
    record StaffPatch(@Size(max = 200) String displayName, @Size(max = 320) String email, Set<StaffRole> roles,
                      Set<String> groups, @Size(max = 64) String timeZone, Boolean enabled, String password) {
    }

    @Operation(summary = "Every staff account")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping
    List<StaffAccount> all() {
        return accounts.all();
    }

    @Operation(summary = "Add a staff account")
    @ApiResponse(responseCode = "201", description = "The account")
    @ApiResponse(responseCode = "409", description = "The user name is taken", content = @Content)
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping
    ResponseEntity<StaffAccount> create(@Valid @RequestBody NewStaff request, Authentication admin) {
        StaffAccount created = accounts.create(admin.getName(), request.username(), new StaffAccounts.Change(
                request.displayName(), request.email(), request.roles(), request.groups(), request.timeZone(), true,
                request.password()));
        return ResponseEntity.created(URI.create("/api/staff/" + created.username())).body(created);
    }

    @Operation(summary = "Every change to staff accounts, newest first (one person's with `username`)")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/audit")
    List<StaffAuditEntry> audit(@RequestParam(required = false) String username,
                                @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int limit) {
        return accounts.audit(username, limit);
    }

    @Operation(summary = "A staff account")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/{username}")
    StaffAccount one(@PathVariable String username) {
        return accounts.find(username).orElseThrow(() -> new StaffNotFoundException(username));
    }

    @Operation(summary = "Change a staff account; only the fields given change",
            description = "Roles, groups, time zone, enabled, password.")
    @ApiResponse(responseCode = "200", description = "The account as it is now")
    @ApiResponse(responseCode = "409", description = "The last enabled admin cannot be disabled or demoted",
            content = @Content)
    @PreAuthorize("hasRole('ADMIN')")
    @PatchMapping("/{username}")
    StaffAccount change(@PathVariable String username, @Valid @RequestBody StaffPatch patch, Authentication admin) {
        return accounts.change(admin.getName(), username, new StaffAccounts.Change(patch.displayName(), patch.email(),
                patch.roles(), patch.groups(), patch.timeZone(), patch.enabled(), patch.password()));
    }
}
