package io.turnaround.ticket;

import io.turnaround.mail.IncomingMail;
import io.turnaround.mail.MailOutcome;
import io.turnaround.mail.MailReceiver;
import io.turnaround.mail.MailboxPosition;
import io.turnaround.mail.Outbox;
import io.turnaround.mail.OutboxKeys;
import io.turnaround.mail.UnreadableMail;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.WaitingOn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.turnaround.ticket.HistoryEvent.ATTACHMENTS;
import static io.turnaround.ticket.HistoryEvent.FOLLOWED_UP;
import static io.turnaround.ticket.HistoryEvent.FOLLOW_UP;
import static io.turnaround.ticket.HistoryEvent.PARTNER_RESPONSE_TIME;

/**
 * Mail becomes tickets here, through the same intake as the API. Each message is one transaction: it is recorded
 * with its mailbox position and Message-ID first, so the same message taken again (redelivered, read again after a
 * crash before it was flagged, or by another node) finds its first outcome instead of making a second ticket.
 * A reply is added to the ticket it answers and ends a wait on its writer; a machine's mail changes nothing.
 */
@Service
public class MailIntake implements MailReceiver {

    /** The longest body a ticket keeps (the API's limit); longer mail is cut there, and the ticket says so. */
    static final int MAX_TICKET_BODY = 65536;
    private static final String CUT = "\n\n[The message was longer; it was cut here.]";

    private final InboundMails inbound;
    private final MailThreads threads;
    private final TicketIntake intake;
    private final TicketWaits waits;
    private final Tickets tickets;
    private final Conversation conversation;
    private final Attachments attachments;
    private final TicketHistory history;
    private final TicketMail ticketMail;
    private final Outbox outbox;
    private final Clock clock;

    MailIntake(InboundMails inbound, MailThreads threads, TicketIntake intake, TicketWaits waits, Tickets tickets,
               Conversation conversation, Attachments attachments, TicketHistory history, TicketMail ticketMail,
               Outbox outbox, Clock clock) {
        this.inbound = inbound;
        this.threads = threads;
        this.intake = intake;
        this.waits = waits;
        this.tickets = tickets;
        this.conversation = conversation;
        this.attachments = attachments;
        this.history = history;
        this.ticketMail = ticketMail;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public MailOutcome receive(IncomingMail mail, MailboxPosition position, Rules rules, byte[] raw) {
        Optional<MailOutcome> seen = seenBefore(position, mail.messageId());
        if (seen.isPresent()) {
            return seen.get();
        }
        Instant now = clock.instant();
        Instant receivedAt = mail.receivedAt() == null || mail.receivedAt().isAfter(now) ? now : mail.receivedAt();
        byte[] kept = mail.keepsRaw() ? raw : null;
        if (mail.automatic() != null || mail.from().equalsIgnoreCase(rules.ownAddress())) {
            String reason = mail.automatic() != null ? mail.automatic() : "sent by Turnaround itself";
            return record(mail, position, receivedAt, MailOutcome.Kind.IGNORED, reason, null, kept);
        }
        Optional<Ticket> answered = threads.ticketFor(mail, rules);
        Optional<Ticket> followedUp = answered.filter(t -> tooLateToReopen(t, mail, receivedAt, rules));
        if (answered.isPresent() && followedUp.isEmpty()) {
            return reply(mail, position, receivedAt, answered.get(), rules, kept);
        }
        long id = inbound.insert(position, mail.messageId(), receivedAt, mail.from(), mail.subject(),
                MailOutcome.Kind.NEW_TICKET, notes(mail), kept, mail.tooLarge() != null);
        Ticket ticket = intake.receive(new NewTicket(mail.from(), subjectOf(mail), bodyOf(mail), Channel.EMAIL,
                receivedAt, null), "mailbox", mail.noAutoReply(), tooLargeNote(mail)).ticket();
        inbound.linkTicket(id, ticket.id());
        if (mail.messageId() != null) {
            ticketMail.acknowledgementAnswers(ticket.id(), mail.messageId());
        }
        keepAttachments(ticket.id(), id, mail, rules, now);
        followedUp.ifPresent(old -> {
            history.add(ticket.id(), now, mail.from(), FOLLOW_UP, "follows up " + old.key() + ", resolved more than "
                    + rules.reopenWithin().toDays() + " days before this mail");
            history.add(old.id(), now, mail.from(), FOLLOWED_UP, "the customer wrote again; that is " + ticket.key());
        });
        return new MailOutcome(id, MailOutcome.Kind.NEW_TICKET, ticket.key(), null, false);
    }

    /**
     * A customer's mail on a ticket resolved longer than reopen-within before it starts a new ticket; the partner's
     * mail, and a customer's sooner, goes to the ticket (and reopens it).
     */
    private boolean tooLateToReopen(Ticket ticket, IncomingMail mail, Instant receivedAt, Rules rules) {
        if (ticket.status() != TicketStatus.RESOLVED || rules.isPartner(mail.from())) {
            return false;
        }
        return tickets.resolvedAt(ticket.id()).map(at -> receivedAt.isAfter(at.plus(rules.reopenWithin()))).orElse(false);
    }

    /**
     * Keeps a message that could not be read as mail, whole, for staff to look at; {@code sender} and {@code subject}
     * are what could be made out (cut to fit) or null, {@code tooLarge} whether {@code raw} holds only its headers.
     */
    @Override
    @Transactional
    public MailOutcome keepUnreadable(byte[] raw, MailboxPosition position, String sender, String subject, String reason,
                                      boolean tooLarge) {
        Optional<MailOutcome> seen = seenBefore(position, null);
        if (seen.isPresent()) {
            return seen.get();
        }
        long id = inbound.insert(position, null, clock.instant(), sender, subject, MailOutcome.Kind.UNREADABLE, reason,
                raw, tooLarge);
        return new MailOutcome(id, MailOutcome.Kind.UNREADABLE, null, reason, false);
    }

    @Override
    public String ticketKey(long ticketId) {
        return TicketKey.of(ticketId);
    }

    @Override
    public List<UnreadableMail> unreadable(int limit) {
        return inbound.unreadable(limit);
    }

    @Override
    public Optional<byte[]> rawOf(long inboundMailId) {
        return inbound.raw(inboundMailId);
    }

    private Optional<MailOutcome> seenBefore(MailboxPosition position, String messageId) {
        Optional<MailOutcome> seen = position == null ? Optional.empty() : inbound.at(position);
        return seen.isPresent() || messageId == null ? seen : inbound.withMessageId(messageId);
    }

    private MailOutcome reply(IncomingMail mail, MailboxPosition position, Instant receivedAt, Ticket ticket, Rules rules,
                              byte[] kept) {
        boolean partner = rules.isPartner(mail.from());
        MailOutcome.Kind kind = partner ? MailOutcome.Kind.PARTNER_REPLY : MailOutcome.Kind.CUSTOMER_REPLY;
        MailOutcome outcome = record(mail, position, receivedAt, kind, notes(mail), ticket, kept);
        conversation.received(ticket.id(), partner ? TicketMessage.Kind.PARTNER : TicketMessage.Kind.CUSTOMER,
                mail.from(), bodyOf(mail), receivedAt);
        keepAttachments(ticket.id(), outcome.inboundMailId(), mail, rules, receivedAt);
        if (partner) {
            partnerAnswered(ticket, mail, rules, receivedAt);
        }
        WaitingOn writer = partner ? WaitingOn.HOSTING_PARTNER : WaitingOn.CUSTOMER;
        if (ticket.status() == TicketStatus.WAITING && ticket.waitingOn() == writer) {
            waits.stopWaiting(ticket.key(), mail.from());
        }
        if (!partner && ticket.status() == TicketStatus.RESOLVED) {
            intake.reopenOnReply(ticket, mail.from(), bodyOf(mail), receivedAt, clock.instant());
        }
        return outcome;
    }

    /** The partner's first answer: its own reference (from the subject) and how long it took since we forwarded. */
    private void partnerAnswered(Ticket ticket, IncomingMail mail, Rules rules, Instant at) {
        Matcher reference = rules.partnerReference().matcher(mail.subject() == null ? "" : mail.subject());
        String ref = reference.find() ? reference.group(reference.groupCount() > 0 ? 1 : 0) : null;
        tickets.partnerResponded(ticket.id(), ref, at);
        if (ticket.partnerRespondedAt() == null) {
            Optional<Instant> forwarded = outbox.sentOrQueuedAt(OutboxKeys.partnerForward(ticket.id()));
            history.add(ticket.id(), at, mail.from(), PARTNER_RESPONSE_TIME, forwarded
                    .map(f -> "the hosting partner answered " + Duration.between(f, at) + " after the forward")
                    .orElse("the hosting partner answered; no forward of ours is on record")
                    + (ref == null ? "" : "; its reference " + ref));
        }
    }

    private MailOutcome record(IncomingMail mail, MailboxPosition position, Instant receivedAt, MailOutcome.Kind kind,
                               String reason, Ticket ticket, byte[] kept) {
        long id = inbound.insert(position, mail.messageId(), receivedAt, mail.from(), mail.subject(), kind, reason, kept,
                mail.tooLarge() != null);
        if (ticket != null) {
            inbound.linkTicket(id, ticket.id());
        }
        return new MailOutcome(id, kind, ticket == null ? null : ticket.key(), reason, false);
    }

    private void keepAttachments(long ticketId, long inboundMailId, IncomingMail mail, Rules rules, Instant at) {
        if (mail.attachments().isEmpty()) {
            return;
        }
        List<String> oversize = attachments.store(ticketId, inboundMailId, mail.attachments(), rules.maxAttachmentBytes(), at);
        history.add(ticketId, at, mail.from(), ATTACHMENTS, mail.attachments().size() + " file(s) received"
                + (oversize.isEmpty() ? "" : "; not kept, over the " + rules.maxAttachmentBytes() + "-byte limit: "
                + String.join(", ", oversize)));
    }

    private static String subjectOf(IncomingMail mail) {
        String subject = mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject().strip();
        return InboundMails.abbreviate(subject, 500);
    }

    /** What the log says about how the message was taken: left out for its size, header values cut; or null. */
    private static String notes(IncomingMail mail) {
        List<String> notes = new java.util.ArrayList<>();
        if (mail.tooLarge() != null) {
            notes.add(mail.tooLarge());
        }
        if (!mail.cut().isEmpty()) {
            notes.add("cut to fit: " + String.join(", ", mail.cut()) + "; the raw message keeps them whole");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /** What the acknowledgement tells the sender of a message whose body was left out, or null. */
    private static String tooLargeNote(IncomingMail mail) {
        return mail.tooLarge() == null ? null : "Your message was too large for us to take (" + mail.tooLarge()
                + "), so we have only its subject; please send what it said again in smaller parts.";
    }

    private static String bodyOf(IncomingMail mail) {
        if (mail.tooLarge() != null) {
            return "[Only the headers of this message were read: " + mail.tooLarge() + ".]";
        }
        String body = mail.body() == null ? "" : mail.body();
        return body.length() <= MAX_TICKET_BODY ? body : body.substring(0, MAX_TICKET_BODY - CUT.length()) + CUT;
    }
}
