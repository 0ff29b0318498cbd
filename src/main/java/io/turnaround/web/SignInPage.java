package io.turnaround.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.ArrayList;
import java.util.List;

/** Sign-in, the landing redirect and the page shown for a forbidden action. */
@Controller
class SignInPage {

    /** A single sign-on provider's button: where it starts, and the name it shows. */
    record Provider(String id, String name) {
    }

    private final ObjectProvider<ClientRegistrationRepository> singleSignOn;

    SignInPage(ObjectProvider<ClientRegistrationRepository> singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }

    /** The single sign-on providers configured; none without any (the repository Spring Boot makes is iterable). */
    static List<ClientRegistration> registrations(ClientRegistrationRepository singleSignOn) {
        List<ClientRegistration> registrations = new ArrayList<>();
        if (singleSignOn instanceof Iterable<?> configured) {
            configured.forEach(registration -> registrations.add((ClientRegistration) registration));
        }
        return registrations;
    }

    /** Also shown, with 429, for a sign-in refused after too many failures: it then says how long to wait. */
    @GetMapping("/login")
    String login(@RequestAttribute(name = SignInThrottleFilter.RETRY_MINUTES, required = false) Long retryMinutes,
                 Model model) {
        model.addAttribute("retryMinutes", retryMinutes);
        model.addAttribute("providers", registrations(singleSignOn.getIfAvailable()).stream()
                .map(provider -> new Provider(provider.getRegistrationId(), provider.getClientName())).toList());
        return "login";
    }

    /** Any method: a refused POST is forwarded here as a POST, and must get this page, not a 405. */
    @RequestMapping("/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "forbidden";
    }
}
