package io.turnaround.rollout;

import io.turnaround.policy.BundleDiff;
import io.turnaround.policy.InvalidPolicyUploadException;
import io.turnaround.policy.PolicyEvaluationException;
import io.turnaround.policy.PolicyDeployments;
import io.turnaround.policy.PolicyGroups;
import io.turnaround.policy.PolicyVersion;
import io.turnaround.policy.PolicyVersionConflictException;
import io.turnaround.policy.UploadReport;
import io.turnaround.staff.Staff;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Policy versions for analysts and admins: upload a bundle or changed files, see what the checks found, preview the
 * impact on the latest tickets, activate, roll back, and the audit log. The REST API offers the same.
 */
@Controller
class PolicyPage {

    private static final int AUDIT_SHOWN = 50;

    private final PolicyDeployments deployments;
    private final PolicyImpact impact;
    private final PolicyGroups groups;

    PolicyPage(PolicyDeployments deployments, PolicyImpact impact, PolicyGroups groups) {
        this.deployments = deployments;
        this.impact = impact;
        this.groups = groups;
    }

    @GetMapping("/policy")
    String versions(Authentication user, Model model) {
        List<PolicyVersion> versions = deployments.versions();
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("versions", versions);
        model.addAttribute("active", versions.stream().filter(v -> v.state() == PolicyVersion.State.ACTIVE).findFirst()
                .orElse(null));
        model.addAttribute("audit", deployments.audit(AUDIT_SHOWN));
        model.addAttribute("groupWarnings", groups.warningsOfActiveVersion());
        return "policy";
    }

    @GetMapping("/policy/versions/{number}")
    String version(@PathVariable int number, Authentication user, Model model) {
        PolicyVersion version = deployments.version(number);
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("version", version);
        model.addAttribute("active", deployments.versions().stream()
                .filter(v -> v.state() == PolicyVersion.State.ACTIVE).findFirst().orElse(null));
        model.addAttribute("files", deployments.bundle(number).files().keySet());
        model.addAttribute("history", deployments.history(number));
        model.addAttribute("groupWarnings", version.state() == PolicyVersion.State.REJECTED ? List.of()
                : groups.warningsOfVersion(number));
        return "policy-version";
    }

    /** Any two versions, file by file: what {@code to} changes in {@code from}. */
    @GetMapping("/policy/compare")
    String compare(@RequestParam int from, @RequestParam int to, Authentication user, Model model) {
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("from", deployments.version(from));
        model.addAttribute("to", deployments.version(to));
        model.addAttribute("diff", BundleDiff.between(deployments.bundle(from), deployments.bundle(to)));
        return "policy-compare";
    }

    @GetMapping(value = "/policy/versions/{number}/file", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> file(@PathVariable int number, @RequestParam String path) {
        String content = deployments.bundle(number).files().get(path);
        return content == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(content);
    }

    @GetMapping(value = "/policy/versions/{number}/bundle", produces = "application/zip")
    ResponseEntity<byte[]> bundle(@PathVariable int number) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("turnaround-policy-v" + number + ".zip").build().toString()).body(deployments.zip(number));
    }

    /** A zip replaces the whole bundle; otherwise the chosen files go on top of the active version. */
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping("/policy/versions")
    String upload(@RequestParam(required = false) MultipartFile bundle,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) String description, Authentication user, RedirectAttributes redirect) {
        try {
            UploadReport report;
            if (bundle != null && !bundle.isEmpty()) {
                report = deployments.uploadZip(bytes(bundle), description, user.getName());
            } else {
                Map<String, byte[]> named = new TreeMap<>();
                for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                    if (!file.isEmpty()) {
                        named.put(file.getOriginalFilename(), bytes(file));
                    }
                }
                report = deployments.uploadFiles(named, List.of(), description, user.getName());
            }
            redirect.addFlashAttribute(report.accepted() ? "message" : "error", report.detail());
            return "redirect:/policy/versions/" + report.version().number();
        } catch (InvalidPolicyUploadException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/policy";
        }
    }

    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping("/policy/versions/{number}/impact")
    String preview(@PathVariable int number, @RequestParam(defaultValue = "200") int tickets, Authentication user,
                   Model model) {
        try {
            model.addAttribute("impact", impact.preview(number, Math.max(1, Math.min(tickets, 5000)), user.getName()));
        } catch (PolicyEvaluationException stopped) {
            model.addAttribute("error", "The impact preview was stopped: " + stopped.getMessage());
        }
        return version(number, user, model);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/policy/versions/{number}/activation")
    String activate(@PathVariable int number, @RequestParam(defaultValue = "false") boolean migrateOpenTickets,
                    Authentication user, RedirectAttributes redirect) {
        try {
            deployments.activate(number, migrateOpenTickets, user.getName());
            redirect.addFlashAttribute("message", "Version " + number + " is active: new tickets use it from now on"
                    + (migrateOpenTickets ? "; open tickets whose SLA clock still runs were moved to it (see the audit log)."
                    : "."));
        } catch (PolicyVersionConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/policy/versions/" + number;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
