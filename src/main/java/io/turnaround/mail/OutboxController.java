package io.turnaround.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.List;

/**
 * The outbox for managers and admins: mail by state (the FAILED ones wait for someone; without a state, all mail not
 * sent yet), and sending one again.
 */
@RestController
@RequestMapping("/api/mail/outbox")
@Tag(name = "Mail")
class OutboxController {

    private final OutboundMails mails;
    private final Clock clock;

    OutboxController(OutboundMails mails, Clock clock) {
        this.mails = mails;
        this.clock = clock;
    }

    @Operation(summary = "Outbound mail by state; without one, all mail not sent yet")
    @GetMapping
    List<OutboundMail> list(@RequestParam(required = false) MailStatus status,
                            @RequestParam(defaultValue = "100") int limit) {
        return mails.list(status, Math.max(1, Math.min(limit, 1000)));
    }

    /** Queues the mail for the next poll with a fresh count of attempts; 409 if it was sent or is being sent. */
    @Operation(summary = "Send a mail again, with a fresh count of attempts")
    @ApiResponse(responseCode = "202", description = "Queued for the outbox's next poll")
    @ApiResponse(responseCode = "409", description = "The mail was sent, or is being sent right now",
            content = @Content)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/{id}/retry")
    ResponseEntity<OutboundMail> retry(@PathVariable long id) {
        switch (mails.retry(id, clock.instant())) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no outbound mail " + id);
            case ALREADY_SENT -> throw new ResponseStatusException(HttpStatus.CONFLICT, "mail " + id + " was sent already");
            case BEING_SENT -> throw new ResponseStatusException(HttpStatus.CONFLICT, "mail " + id
                    + " is being sent right now");
            default -> {
                return ResponseEntity.accepted().body(mails.find(id).orElseThrow());
            }
        }
    }
}
