package io.turnaround.studio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.policy.BundleDiff;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.PositiveOrZero;
import javax.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The studio as JSON (README, "The studio"). The file operations answer at two paths: under {@code /api/studio} for
 * programs (HTTP basic or an API token) and under {@code /studio} for the studio page's editor (its session and CSRF
 * token); the rest is for programs, the page has forms for it.
 */
@RestController
@Tag(name = "Studio")
public class StudioApi {

    static final String API = "/api/studio/workspaces/{id}";
    static final String PAGE = "/studio/workspaces/{id}";

    private final Studio studio;

    StudioApi(Studio studio) {
        this.studio = studio;
    }

    /** A workspace and its files, without their text. */
    public record Opened(Workspace workspace, List<WorkspaceFile> files) {
    }

    public record NewWorkspace(Integer basedOn) {
    }

    /** What a save made; the text is what was sent. */
    public record Saved(String path, long revision, String savedBy, Instant savedAt) {

        static Saved of(WorkspaceFile file) {
            return new Saved(file.path(), file.revision(), file.savedBy(), file.savedAt());
        }
    }

    public record FileText(@NotNull String content, @NotNull @PositiveOrZero Long revision) {
    }

    public record Rename(@NotNull String from, @NotNull String to, @NotNull @PositiveOrZero Long revision) {
    }

    public record Submit(@Size(max = 500) String description) {
    }

    @Operation(summary = "Open workspaces, the latest changed first")
    @GetMapping("/api/studio/workspaces")
    public List<Workspace> open() {
        return studio.open();
    }

    @Operation(summary = "Open a workspace on a policy version (default: the active one)")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping("/api/studio/workspaces")
    @ResponseStatus(HttpStatus.CREATED)
    public Workspace create(@RequestBody(required = false) NewWorkspace request, Authentication user) {
        return studio.create(request == null ? null : request.basedOn(), user.getName());
    }

    @Operation(summary = "A workspace and its files, without their text")
    @GetMapping(API)
    public Opened workspace(@PathVariable long id) {
        return new Opened(studio.workspace(id), studio.files(id));
    }

    @Operation(summary = "Discard a workspace")
    @ApiResponse(responseCode = "204", description = "Discarded")
    @ApiResponse(responseCode = "409", description = "The workspace changed meanwhile, or is closed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.Conflict.class)))
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @DeleteMapping(API)
    public ResponseEntity<Void> discard(@PathVariable long id, Authentication user) {
        studio.discard(id, user.getName());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Submit a workspace as a policy version (checked as any upload)")
    @ApiResponse(responseCode = "200", description = "The version it became, and its checks")
    @ApiResponse(responseCode = "409", description = "The workspace is closed, or changed meanwhile",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.Conflict.class)))
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping(API + "/submission")
    public Studio.Submission submit(@PathVariable long id, @Valid @RequestBody(required = false) Submit request,
                                    Authentication user) {
        return studio.submit(id, request == null ? null : request.description(), user.getName());
    }

    @Operation(summary = "A workspace's changes to the version it is based on")
    @GetMapping(API + "/changes")
    public BundleDiff changes(@PathVariable long id) {
        return studio.changes(id);
    }

    @Operation(summary = "A file of a workspace, with its text and revision")
    @GetMapping({API + "/file", PAGE + "/file"})
    public WorkspaceFile file(@PathVariable long id, @RequestParam String path) {
        return studio.file(id, path);
    }

    /** Saves the file; {@code revision} is the one the text was made from, 0 for a new file. */
    @Operation(summary = "Save a file of a workspace",
            description = "`revision` is the one the text was made from, 0 for a new file.")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "409", description = "The file was saved meanwhile: the answer has it as it is now",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.Conflict.class)))
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PutMapping(value = {API + "/file", PAGE + "/file"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    public Saved save(@PathVariable long id, @RequestParam String path, @Valid @RequestBody FileText text,
                      Authentication user) {
        return Saved.of(studio.save(id, path, text.content(), text.revision(), user.getName()));
    }

    @Operation(summary = "Delete a file of a workspace")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The file was saved meanwhile",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.Conflict.class)))
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @DeleteMapping({API + "/file", PAGE + "/file"})
    public ResponseEntity<Void> delete(@PathVariable long id, @RequestParam String path, @RequestParam long revision,
                                       Authentication user) {
        studio.delete(id, path, revision, user.getName());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Rename a file of a workspace")
    @ApiResponse(responseCode = "200", description = "Renamed")
    @ApiResponse(responseCode = "409", description = "The file was saved meanwhile, or the new name is taken",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.Conflict.class)))
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping({API + "/renames", PAGE + "/renames"})
    public Saved rename(@PathVariable long id, @Valid @RequestBody Rename rename, Authentication user) {
        return Saved.of(studio.rename(id, rename.from(), rename.to(), rename.revision(), user.getName()));
    }
}
