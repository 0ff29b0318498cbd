package io.turnaround.mail;

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

    @GetMapping("/unreadable")
    List<UnreadableMail> unreadable(@RequestParam(defaultValue = "100") int limit) {
        return intake.unreadable(Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping(value = "/{id}/raw", produces = RFC822)
    byte[] raw(@PathVariable long id) {
        return intake.rawOf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no unreadable message " + id + " is kept"));
    }
}
