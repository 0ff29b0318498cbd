package io.turnaround.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Policy versions over HTTP: upload (a zip of the bundle, or single files on top of the active version), look at
 * versions and their files, activate, roll back, and the audit log. Who may do what is in the security configuration.
 */
@RestController
@RequestMapping("/api/policy")
@Tag(name = "Policy")
class PolicyVersionController {

    private static final String ZIP = "application/zip";

    private final PolicyDeployments deployments;

    PolicyVersionController(PolicyDeployments deployments) {
        this.deployments = deployments;
    }

    @Operation(summary = "Every policy version, newest first")
    @GetMapping("/versions")
    List<PolicyVersion> versions() {
        return deployments.versions();
    }

    record VersionView(PolicyVersion version, List<String> files, List<PolicyAuditEntry> history) {
    }

    @Operation(summary = "A policy version with its files and history")
    @GetMapping("/versions/{number}")
    VersionView version(@PathVariable int number) {
        return new VersionView(deployments.version(number), List.copyOf(deployments.bundle(number).files().keySet()),
                deployments.history(number));
    }

    @Operation(summary = "A policy version's bundle, as a zip")
    @GetMapping(value = "/versions/{number}/bundle", produces = ZIP)
    ResponseEntity<byte[]> bundle(@PathVariable int number) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("turnaround-policy-v" + number + ".zip").build().toString())
                .body(deployments.zip(number));
    }

    @Operation(summary = "One file of a policy version")
    @GetMapping(value = "/versions/{number}/file", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    String file(@PathVariable int number, @RequestParam String path) {
        String content = deployments.bundle(number).files().get(path);
        if (content == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "version " + number + " has no file " + path);
        }
        return content;
    }

    /** A whole bundle as the request body. */
    @Operation(summary = "Upload a policy version: a zip of the bundle, or a form",
            description = "The body is a bundle zip; or a multipart form with a `bundle` zip, or policy files on top "
                    + "of the active version (a part named like a path goes there) and `remove` naming files to drop. "
                    + "The version is compiled and its scenarios run; it is stored as a draft, or as rejected with its "
                    + "problems.")
    @ApiResponse(responseCode = "201", description = "A draft: it passed its checks")
    @ApiResponse(responseCode = "422", description = "Rejected: it failed its checks (stored, with its problems)")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping(value = "/versions", consumes = {ZIP, "application/x-zip-compressed"})
    ResponseEntity<UploadReport> uploadZip(@RequestBody byte[] zip, @RequestParam(required = false) String description,
                                           Authentication who) {
        return created(deployments.uploadZip(zip, description, who.getName()));
    }

    /**
     * A form: a {@code bundle} zip, or policy files on top of the active version. A file part named like a path
     * ({@code rules/sla.drl}) goes there; any other goes where its extension belongs. {@code remove} names files to drop.
     */
    @Operation(summary = "Upload a policy version: a zip of the bundle, or a form",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(type = "object", description = "A `bundle` zip; or policy files, each part named"
                            + " by its path (`rules/sla.drl`) or by a file name whose extension says where it goes"))))
    @ApiResponse(responseCode = "201", description = "A draft: it passed its checks")
    @ApiResponse(responseCode = "422", description = "Rejected: it failed its checks (stored, with its problems)")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping(value = "/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadReport> uploadForm(MultipartHttpServletRequest form,
                                            @RequestParam(required = false) String description,
                                            @RequestParam(required = false) List<String> remove, Authentication who) {
        MultipartFile zip = form.getFile("bundle");
        if (zip != null && !zip.isEmpty()) {
            return created(deployments.uploadZip(bytes(zip), description, who.getName()));
        }
        Map<String, byte[]> files = new TreeMap<>();
        form.getMultiFileMap().forEach((part, parts) -> parts.stream().filter(f -> !f.isEmpty()).forEach(f ->
                files.put(part.contains("/") ? part : f.getOriginalFilename(), bytes(f))));
        List<String> removed = remove == null ? List.of() : remove.stream().filter(r -> !r.isBlank()).toList();
        return created(deployments.uploadFiles(files, removed, description, who.getName()));
    }

    record Activation(boolean migrateOpenTickets) {
    }

    @Operation(summary = "Activate a policy version",
            description = "New tickets are decided by it at once on every node; with `migrateOpenTickets`, open "
                    + "tickets are decided again on it.")
    @ApiResponse(responseCode = "200", description = "The version, active")
    @ApiResponse(responseCode = "409",
            description = "The version is active already, was rejected, or no longer passes its checks",
            content = @Content)
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/versions/{number}/activation")
    PolicyVersion activate(@PathVariable int number, @RequestBody(required = false) Activation activation,
                           Authentication who) {
        return deployments.activate(number, activation != null && activation.migrateOpenTickets(), who.getName());
    }

    @Operation(summary = "Activate again the version that was active before the current one")
    @ApiResponse(responseCode = "200", description = "The version active now")
    @ApiResponse(responseCode = "409", description = "No earlier version was ever active", content = @Content)
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/rollback")
    PolicyVersion rollBack(Authentication who) {
        return deployments.rollBack(who.getName());
    }

    @Operation(summary = "The policy audit log, newest first")
    @GetMapping("/audit")
    List<PolicyAuditEntry> audit(@RequestParam(defaultValue = "100") int limit) {
        return deployments.audit(Math.max(1, Math.min(limit, 1000)));
    }

    private static ResponseEntity<UploadReport> created(UploadReport report) {
        if (!report.accepted()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(report);
        }
        return ResponseEntity.created(URI.create("/api/policy/versions/" + report.version().number())).body(report);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
