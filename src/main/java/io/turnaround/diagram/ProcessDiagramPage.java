package io.turnaround.diagram;

import io.turnaround.staff.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The active policy's processes, and each one drawn with its live counts (the numbers come from the API). */
@Controller
class ProcessDiagramPage {

    private final ProcessDiagrams diagrams;
    private final DiagramSettings settings;

    ProcessDiagramPage(ProcessDiagrams diagrams, DiagramSettings settings) {
        this.diagrams = diagrams;
        this.settings = settings;
    }

    @GetMapping("/processes")
    String list(Authentication user, Model model) {
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("processes", diagrams.of(diagrams.activeVersion()));
        return "processes";
    }

    @GetMapping("/processes/{id}")
    String show(@PathVariable String id, Authentication user, Model model) {
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("process", diagrams.of(id, diagrams.activeVersion()));
        model.addAttribute("staysOver", settings.staysOver().toDays());
        return "process";
    }
}
