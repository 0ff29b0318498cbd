package io.turnaround.retention;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Runs the retention job now, for an admin (after changing its settings, say); it answers when the run is done. */
@RestController
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

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
