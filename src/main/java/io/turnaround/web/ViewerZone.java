package io.turnaround.web;

import io.turnaround.staff.StaffDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The zone every page shows instants in ({@code viewerZone}): the one in the viewer's staff profile, else the one
 * their browser reported at sign-in, else UTC.
 */
@ControllerAdvice(annotations = Controller.class)
public class ViewerZone {

    /** The session attribute that holds the browser's zone from the sign-in form. */
    static final String BROWSER_ZONE = "turnaround.browserZone";

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final StaffDirectory staff;

    ViewerZone(StaffDirectory staff) {
        this.staff = staff;
    }

    @ModelAttribute("viewerZone")
    public ZoneId of(Authentication user, HttpServletRequest request) {
        Optional<ZoneId> profile = user == null ? Optional.empty() : staff.timeZoneOf(user.getName()).flatMap(ViewerZone::parsed);
        HttpSession session = request.getSession(false);
        Object browser = session == null ? null : session.getAttribute(BROWSER_ZONE);
        return profile.or(() -> browser instanceof ZoneId zone ? Optional.of(zone) : Optional.empty())
                .orElse(UTC);
    }

    /** The browser's zone from the sign-in form, kept for the session when it is a real IANA zone. */
    static void remember(HttpServletRequest request) {
        String zone = request.getParameter("zone");
        if (zone != null && zone.length() <= 64) {
            parsed(zone).ifPresent(id -> request.getSession().setAttribute(BROWSER_ZONE, id));
        }
    }

    private static Optional<ZoneId> parsed(String zone) {
        try {
            return Optional.of(ZoneId.of(zone.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
