package io.turnaround.studio;

import io.turnaround.policy.InvalidPolicyUploadException;
import io.turnaround.policy.PolicyDeployments;
import io.turnaround.policy.PolicyVersion;
import io.turnaround.staff.Staff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The studio's pages: the open workspaces, a workspace's editor (its script talks to {@link StudioApi}), what it
 * changes in its version, and the forms that open, submit and discard one. Analysts and admins edit; managers read.
 */
@Controller
public class StudioPage {

    private final Studio studio;
    private final PolicyDeployments deployments;

    StudioPage(Studio studio, PolicyDeployments deployments) {
        this.studio = studio;
        this.deployments = deployments;
    }

    @GetMapping("/studio")
    public String workspaces(Authentication user, Model model) {
        List<PolicyVersion> versions = deployments.versions().stream()
                .filter(v -> v.state() != PolicyVersion.State.REJECTED).toList();
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("workspaces", studio.open());
        model.addAttribute("versions", versions);
        return "studio";
    }

    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping("/studio/workspaces")
    public String create(@RequestParam(required = false) Integer basedOn, Authentication user) {
        return "redirect:/studio/workspaces/" + studio.create(basedOn, user.getName()).id();
    }

    @GetMapping("/studio/workspaces/{id}")
    public String workspace(@PathVariable long id, Authentication user, Model model) {
        Staff staff = Staff.of(user);
        Workspace workspace = studio.workspace(id);
        model.addAttribute("staff", staff);
        model.addAttribute("workspace", workspace);
        model.addAttribute("files", studio.files(id));
        model.addAttribute("edits", staff.uploadsPolicy() && workspace.open());
        return "studio-workspace";
    }

    @GetMapping("/studio/workspaces/{id}/changes")
    public String changes(@PathVariable long id, Authentication user, Model model) {
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("workspace", studio.workspace(id));
        model.addAttribute("diff", studio.changes(id));
        return "studio-changes";
    }

    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping("/studio/workspaces/{id}/submission")
    public String submit(@PathVariable long id, @RequestParam(required = false) String description,
                         Authentication user, RedirectAttributes redirect) {
        try {
            Studio.Submission submitted = studio.submit(id, description, user.getName());
            redirect.addFlashAttribute(submitted.report().accepted() ? "message" : "error", submitted.detail());
            if (submitted.report().accepted()) {
                return "redirect:/policy/versions/" + submitted.report().version().number();
            }
            redirect.addFlashAttribute("rejectedVersion", submitted.report().version().number());
        } catch (WorkspaceConflictException | InvalidPolicyUploadException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/studio/workspaces/" + id;
    }

    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping("/studio/workspaces/{id}/discard")
    public String discard(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        try {
            studio.discard(id, user.getName());
            redirect.addFlashAttribute("message", "Workspace " + id + " was discarded.");
            return "redirect:/studio";
        } catch (WorkspaceConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/studio/workspaces/" + id;
        }
    }
}
