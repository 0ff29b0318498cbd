package io.turnaround.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.List;

/**
 * Mail gateways that push: a raw RFC 822 message in, its outcome out (201 when it made a ticket or a message, 202 when
 * it was kept without one, 200 when it had been taken in before). Staff list the messages that could not be read.
 */
@RestController
@RequestMapping("/api/inbound/email")
@Tag(name = "Mail")
class InboundEmailController {

    private static final String RFC822 = "message/rfc822";

    private final MailDelivery delivery;
    private final MailReceiver intake;
    private final Clock clock;

    InboundEmailController(MailDelivery delivery, MailReceiver intake, Clock clock) {
        this.delivery = delivery;
        this.intake = intake;
        this.clock = clock;
    }

    @Operation(summary = "Take in a raw mail message (RFC 822) from a gateway",
            description = "It becomes a ticket, or a message on the ticket it answers.")
    @ApiResponse(responseCode = "201", description = "It made a ticket or a message")
    @ApiResponse(responseCode = "202", description = "It was kept without making one (ignored, or unreadable)")
    @ApiResponse(responseCode = "200", description = "It had been taken in before")
    @PreAuthorize("hasAnyRole('INTAKE', 'ADMIN')")
    @PostMapping(consumes = RFC822)
    ResponseEntity<MailOutcome> receive(@RequestBody byte[] message) {
        MailOutcome outcome = delivery.deliver(message, null, clock.instant());
        HttpStatus status = outcome.duplicate() ? HttpStatus.OK : switch (outcome.kind()) {
            case NEW_TICKET, CUSTOMER_REPLY, PARTNER_REPLY -> HttpStatus.CREATED;
            case IGNORED, UNREADABLE -> HttpStatus.ACCEPTED;
        };
        return ResponseEntity.status(status).body(outcome);
    }

    @Operation(summary = "Mail that could not be read, or was too large to keep whole, newest first")
    @GetMapping("/unreadable")
    List<UnreadableMail> unreadable(@RequestParam(defaultValue = "100") int limit) {
        return intake.unreadable(Math.max(1, Math.min(limit, 1000)));
    }

    @Operation(summary = "An unreadable message as it came")
    @GetMapping(value = "/{id}/raw", produces = RFC822)
    byte[] raw(@PathVariable long id) {
        return intake.rawOf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no unreadable message " + id + " is kept"));
    }
}
