package io.turnaround.admin;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import javax.servlet.http.HttpServletResponse;
import java.util.function.Supplier;

/** A refused form: the same page again, with what was typed, the reason on top, and the status that says why. */
final class Refusals {

    private Refusals() {
    }

    static String page(HttpServletResponse response, HttpStatus status, RuntimeException reason, Model model,
                       Supplier<String> page) {
        response.setStatus(status.value());
        model.addAttribute("error", "Not saved: " + reason.getMessage() + ".");
        return page.get();
    }
}
