package io.turnaround.staff;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import javax.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The page of the one-time set-up link ({@link FirstAdmin}): open to anyone who has the link, and only while there is
 * no administrator. A link that no longer works is 410 Gone, with the reason; a refused name or password, 400.
 */
@Controller
class FirstAdminPage {

    private final FirstAdmin firstAdmin;

    FirstAdminPage(FirstAdmin firstAdmin) {
        this.firstAdmin = firstAdmin;
    }

    @GetMapping("/setup")
    String form(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<String> refusal = firstAdmin.linkRefusal(token);
        if (refusal.isPresent()) {
            return gone(refusal.get(), model, response);
        }
        model.addAttribute("token", token);
        return "setup";
    }

    @PostMapping("/setup")
    String choose(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String username,
                  @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String repeat, Model model, HttpServletResponse response) {
        try {
            if (!password.equals(repeat)) {
                throw new InvalidStaffRequestException("the two passwords differ");
            }
            firstAdmin.choose(token, username, displayName, password);
            return "redirect:/login?setUp";
        } catch (InvalidStaffRequestException | StaffConflictException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("error", e.getMessage());
            return "setup";
        } catch (SetupLinkGoneException e) {
            return gone(e.getMessage(), model, response);
        }
    }

    private static String gone(String reason, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("gone", reason);
        return "setup";
    }
}
