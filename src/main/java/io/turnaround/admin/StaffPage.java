package io.turnaround.admin;

import io.turnaround.policy.PolicyGroups;
import io.turnaround.staff.InvalidStaffRequestException;
import io.turnaround.staff.Staff;
import io.turnaround.staff.StaffAccounts;
import io.turnaround.staff.StaffConflictException;
import io.turnaround.staff.StaffNotFoundException;
import io.turnaround.staff.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Admins manage staff accounts in the browser as over REST: add people, change their roles, groups, time zone and
 * name, disable them, reset passwords; see each group next to the policy's use of it, and the audit of every change.
 * A refused form comes back with what was typed (but the password) and the reason.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StaffPage {

    private static final int AUDIT_SHOWN = 200;
    private static final int PERSON_AUDIT_SHOWN = 50;

    private final StaffAccounts accounts;
    private final PolicyGroups groups;

    StaffPage(StaffAccounts accounts, PolicyGroups groups) {
        this.accounts = accounts;
        this.groups = groups;
    }

    /** What the add and change forms send; roles are check boxes, groups one comma-separated line. */
    record StaffForm(String username, String displayName, String email, Set<StaffRole> roles, String groups,
                     String timeZone, Boolean enabled, String password) {

        static StaffForm empty() {
            return new StaffForm("", "", "", EnumSet.of(StaffRole.AGENT), "", "", true, "");
        }

        StaffAccounts.Change change(String password) {
            return new StaffAccounts.Change(displayName, email, roles == null ? Set.of() : roles, groupNames(),
                    timeZone == null ? "" : timeZone, enabled, password);
        }

        private Set<String> groupNames() {
            return groups == null ? Set.of() : Arrays.stream(groups.split(",")).map(String::trim)
                    .filter(g -> !g.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @ModelAttribute
    void common(Authentication user, Model model) {
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("allRoles", StaffRole.values());
    }

    @GetMapping("/staff")
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("groups", groups.ofActiveVersion());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", StaffForm.empty());
        }
        return "staff";
    }

    @PostMapping("/staff")
    String create(StaffForm form, Authentication admin, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            accounts.create(admin.getName(), form.username(), form.change(form.password()));
        } catch (InvalidStaffRequestException | StaffConflictException e) {
            return Refusals.page(response, status(e), e, model.addAttribute("form", withoutPassword(form)),
                    () -> list(model));
        }
        redirect.addFlashAttribute("message", form.username().trim() + " can sign in now.");
        return "redirect:/staff/" + form.username().trim();
    }

    @GetMapping("/staff/audit")
    String audit(Model model) {
        model.addAttribute("audit", accounts.audit(null, AUDIT_SHOWN));
        return "staff-audit";
    }

    @GetMapping("/staff/{username}")
    String person(@PathVariable String username, Model model) {
        var account = accounts.find(username).orElseThrow(() -> new StaffNotFoundException(username));
        model.addAttribute("account", account);
        model.addAttribute("groups", groups.ofActiveVersion());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new StaffForm(account.username(), account.displayName(),
                    Objects.requireNonNullElse(account.email(), ""), account.roles(), String.join(", ", account.groups()),
                    account.timeZone() == null ? "" : account.timeZone().getId(), account.enabled(), ""));
        }
        model.addAttribute("audit", accounts.audit(username, PERSON_AUDIT_SHOWN));
        return "staff-person";
    }

    @PostMapping("/staff/{username}")
    String change(@PathVariable String username, StaffForm form, Authentication admin, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.change(admin.getName(), username, form.change(null));
        } catch (InvalidStaffRequestException | StaffConflictException e) {
            return Refusals.page(response, status(e), e, model.addAttribute("form", withoutPassword(form)),
                    () -> person(username, model));
        }
        redirect.addFlashAttribute("message", "Saved the changes to " + username + ".");
        return "redirect:/staff/" + username;
    }

    @PostMapping("/staff/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "") String repeat, Authentication admin, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (!password.equals(repeat)) {
                throw new InvalidStaffRequestException("the two passwords differ");
            }
            accounts.change(admin.getName(), username, new StaffAccounts.Change(null, null, null, null, null, null,
                    password));
        } catch (InvalidStaffRequestException e) {
            return Refusals.page(response, HttpStatus.BAD_REQUEST, e, model, () -> person(username, model));
        }
        redirect.addFlashAttribute("message", "The password of " + username + " is reset: tell them in person.");
        return "redirect:/staff/" + username;
    }

    private static HttpStatus status(RuntimeException refusal) {
        return refusal instanceof StaffConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    }

    private static StaffForm withoutPassword(StaffForm form) {
        return new StaffForm(form.username(), form.displayName(), form.email(), form.roles(), form.groups(),
                form.timeZone(), form.enabled(), "");
    }
}
