package io.turnaround.tasklist;

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
class SlaOversightController {

    private final SlaOversight oversight;

    SlaOversightController(SlaOversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping("/failed-timers")
    List<SlaOversight.DeadLetter> failedTimers() {
        return oversight.deadLetters();
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/failed-timers/{processInstanceId}/retry")
    ResponseEntity<Void> retry(@PathVariable long processInstanceId) {
        oversight.retry(processInstanceId);
        return ResponseEntity.accepted().build();
    }

    /** Due instant to firing of the rungs that ran in the last 24 hours. */
    @GetMapping("/lateness")
    SlaLateness lateness() {
        return oversight.recentLateness();
    }
}
