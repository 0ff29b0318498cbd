package io.turnaround.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Where a refused single sign-on lands (README, "Single sign-on"): the provider knows the person, Turnaround does not
 * let them in, and the page says why (no mapped role, a disabled account, a name taken by another account).
 */
@Controller
class NoAccessPage {

    private static final String REASON = "turnaround.noAccess";

    /** Spring Security's failure handler for single sign-on: the reason goes to the page in the session. */
    static void show(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        String reason = refusal instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null ? oauth.getError().getDescription()
                : "single sign-on failed: " + refusal.getMessage();
        request.getSession().setAttribute(REASON, reason);
        response.sendRedirect(request.getContextPath() + "/no-access");
    }

    @GetMapping("/no-access")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String noAccess(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object reason = session == null ? null : session.getAttribute(REASON);
        if (session != null) {
            session.removeAttribute(REASON);
        }
        model.addAttribute("reason", reason);
        return "no-access";
    }
}
