package io.turnaround.staff;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.servlet.http.HttpServletResponse;

/** "My account": each person sees their account and changes their own password. */
@Controller
class AccountPage {

    private final StaffAccounts accounts;

    AccountPage(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String show(Authentication user, Model model) {
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("account", accounts.find(user.getName()).orElseThrow(
                () -> new StaffNotFoundException(user.getName())));
        return "account";
    }

    /** Each person sets the zone their pages show times in; an empty one falls back to the browser's. */
    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ANALYST', 'ADMIN')")
    @PostMapping("/account/zone")
    String changeZone(@RequestParam(defaultValue = "") String timeZone, Authentication user, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.change(user.getName(), user.getName(), new StaffAccounts.Change(null, null, null, null,
                    timeZone, null, null));
        } catch (InvalidStaffRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Time zone not changed: " + e.getMessage() + ".");
            return show(user, model);
        }
        redirect.addFlashAttribute("message", timeZone.isBlank() ? "Your pages show times in your browser's zone."
                : "Your pages show times in " + timeZone.trim() + ".");
        return "redirect:/account";
    }

    @PreAuthorize("hasAnyRole('AGENT', 'MANAGER', 'ANALYST', 'ADMIN')")
    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current,
                          @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
                          Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (!password.equals(repeat)) {
                throw new InvalidStaffRequestException("the two new passwords differ");
            }
            accounts.changeOwnPassword(user.getName(), current, password);
        } catch (InvalidStaffRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Password not changed: " + e.getMessage() + ".");
            return show(user, model);
        }
        redirect.addFlashAttribute("message", "Your password is changed.");
        return "redirect:/account";
    }
}
