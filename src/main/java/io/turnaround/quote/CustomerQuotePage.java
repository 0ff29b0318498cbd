package io.turnaround.quote;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.servlet.http.HttpServletResponse;

/**
 * The client's page for a quote, reached from the link in the quote mail without signing in: the signed link is the
 * permission. GET only shows (mail scanners open links); Accept and Decline are POSTed forms with a CSRF token.
 */
@Controller
class CustomerQuotePage {

    private final QuoteActions actions;

    CustomerQuotePage(QuoteActions actions) {
        this.actions = actions;
    }

    @GetMapping("/quotes/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        QuoteActions.ClientQuote seen = actions.open(token);
        if (seen.quote().state() == QuoteState.SENT && !seen.open()) {
            response.setStatus(HttpStatus.GONE.value());
        }
        return page(seen, model);
    }

    @PostMapping("/quotes/{token}/{answer:accept|decline}")
    String answer(@PathVariable String token, @PathVariable String answer, RedirectAttributes redirect) {
        QuoteActions.ClientQuote before = actions.open(token);
        QuoteActions.ClientQuote after = actions.answer(token, "accept".equals(answer));
        if (before.open() && after.quote().state() != QuoteState.SENT) {
            redirect.addFlashAttribute("message", after.quote().state() == QuoteState.ACCEPTED
                    ? "Thank you: you accepted the quote. We will start on the work and keep you posted."
                    : "You declined the quote. Thank you for letting us know.");
        }
        return "redirect:/quotes/" + token;
    }

    private static String page(QuoteActions.ClientQuote seen, Model model) {
        model.addAttribute("quote", seen.quote());
        model.addAttribute("ticket", seen.ticket());
        model.addAttribute("client", seen.client());
        model.addAttribute("open", seen.open());
        model.addAttribute("token", seen.token());
        model.addAttribute("hours", QuoteFormat.hoursText(seen.quote().work()));
        model.addAttribute("includedHours", QuoteFormat.hoursText(seen.quote().included()));
        model.addAttribute("billableHours", QuoteFormat.hoursText(seen.quote().billable()));
        model.addAttribute("hourlyRate", QuoteFormat.money(seen.quote().hourlyRate()));
        model.addAttribute("amount", QuoteFormat.money(seen.quote().amount()));
        model.addAttribute("expiresAt", QuoteFormat.when(seen.quote().expiresAt(), seen.client().timeZone()));
        model.addAttribute("answeredAt", seen.quote().answeredAt() == null ? null
                : QuoteFormat.when(seen.quote().answeredAt(), seen.client().timeZone()));
        return "customer-quote";
    }

    @ExceptionHandler(InvalidQuoteLinkException.class)
    String invalid(InvalidQuoteLinkException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("problem", e.getMessage());
        return "customer-quote";
    }

    @ExceptionHandler(QuoteClosedException.class)
    String closed(QuoteClosedException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("problem", e.getMessage());
        return "customer-quote";
    }
}
