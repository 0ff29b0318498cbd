package io.turnaround.report;

import io.turnaround.staff.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The reports page: the backlog now, each table with its CSV. */
@Controller
class ReportsPage {

    private final BacklogReport backlog;

    ReportsPage(BacklogReport backlog) {
        this.backlog = backlog;
    }

    @GetMapping("/reports")
    String show(Authentication user, Model model) {
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("backlog", backlog.now());
        return "reports";
    }
}
