package io.turnaround.tasklist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.ticket.SlaLateness;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The SLA machinery for managers over REST: the dead-letter list of timers, retrying one, and timer lateness. */
@RestController
@RequestMapping("/api/sla")
@Tag(name = "SLA")
class SlaOversightController {

    private final SlaOversight oversight;

    SlaOversightController(SlaOversight oversight) {
        this.oversight = oversight;
    }

    @Operation(summary = "SLA timers that failed after their retries")
    @GetMapping("/failed-timers")
    List<SlaOversight.DeadLetter> failedTimers() {
        return oversight.deadLetters();
    }

    @Operation(summary = "Run a failed SLA timer again")
    @ApiResponse(responseCode = "202", description = "The timer will run again")
    @ApiResponse(responseCode = "409", description = "The timer is still being retried", content = @Content)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/failed-timers/{processInstanceId}/retry")
    ResponseEntity<Void> retry(@PathVariable long processInstanceId) {
        oversight.retry(processInstanceId);
        return ResponseEntity.accepted().build();
    }

    /** Due instant to firing of the rungs that ran in the last 24 hours. */
    @Operation(summary = "How late the SLA ladder's rungs of the last 24 hours fired")
    @GetMapping("/lateness")
    SlaLateness lateness() {
        return oversight.recentLateness();
    }
}
