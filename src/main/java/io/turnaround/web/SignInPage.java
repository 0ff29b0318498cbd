package io.turnaround.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Sign-in, the landing redirect and the page shown for a forbidden action. */
@Controller
class SignInPage {

    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }

    /** Also shown, with 429, for a sign-in refused after too many failures: it then says how long to wait. */
    @GetMapping("/login")
    String login(@RequestAttribute(name = SignInThrottleFilter.RETRY_MINUTES, required = false) Long retryMinutes,
                 Model model) {
        model.addAttribute("retryMinutes", retryMinutes);
        return "login";
    }

    /** Any method: a refused POST is forwarded here as a POST, and must get this page, not a 405. */
    @RequestMapping("/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "forbidden";
    }
}
