package io.turnaround.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Runs the retention job now, for an admin (after changing its settings, say); it answers when the run is done. */
@RestController
@Tag(name = "Administration")
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @Operation(summary = "Run the retention job now",
            description = "It answers when the run is done.")
    @ApiResponse(responseCode = "200", description = "What each step removed")
    @ApiResponse(responseCode = "409", description = "A retention run is under way already", content = @Content)
    @PostMapping("/api/admin/retention/run")
    @PreAuthorize("hasRole('ADMIN')")
    RetentionReport run(Authentication user) {
        try {
            return retention.run("requested by " + user.getName());
        } catch (RetentionBusyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
