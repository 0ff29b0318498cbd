package io.turnaround.ticket;

import io.turnaround.client.ContactAddresses;
import io.turnaround.client.UnknownClientException;
import io.turnaround.client.ChatWindow;
import io.turnaround.client.Clients;
import io.turnaround.client.ClientNotFoundException;
import io.turnaround.client.ClientHolidays;
import io.turnaround.client.Client;
import io.turnaround.database.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.Explanation;
import io.turnaround.policy.LoadedPolicies;
import io.turnaround.policy.PolicyVersion;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.sla.SlaLadder;
import io.turnaround.policy.facts.Tier;
import io.turnaround.workflow.StartedTicket;
import io.turnaround.workflow.Workflow;
import io.turnaround.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;

import static io.turnaround.ticket.HistoryEvent.CATEGORY_CORRECTED;
import static io.turnaround.ticket.HistoryEvent.CHANNEL_CHANGED;
import static io.turnaround.ticket.HistoryEvent.DECIDED;
import static io.turnaround.ticket.HistoryEvent.NOT_AN_EMERGENCY;
import static io.turnaround.ticket.HistoryEvent.POLICY_MIGRATED;
import static io.turnaround.ticket.HistoryEvent.RECEIVED;
import static io.turnaround.ticket.HistoryEvent.REOPENED;
import static io.turnaround.ticket.HistoryEvent.TIER_CHANGED;
import static io.turnaround.ticket.HistoryEvent.TRIAGED;

/**
 * Every request enters here: the sender's client is looked up, the ticket stored, and its process
 * started, whose rules decide it. All of it is one transaction, so a failure leaves no half ticket.
 */
@Service
public class TicketIntake {

    /** {@code turnaround_tickets_received_total{tier,category,route,channel}}; a ticket in triage is tier "none". */
    static final String RECEIVED_METRIC = "turnaround.tickets.received";
    private static final String NONE = "none";
    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);

    private final Clients clients;
    private final ClientHolidays clientHolidays;
    private final Tickets tickets;
    private final TicketHistory history;
    private final ActivePolicy policy;
    private final LoadedPolicies policies;
    private final Workflow workflow;
    private final TicketMail mail;
    private final TicketExplanations explanations;
    private final TicketPromises promises;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    TicketIntake(Clients clients, ClientHolidays clientHolidays, Tickets tickets, TicketHistory history,
                 ActivePolicy policy, LoadedPolicies policies, Workflow workflow, TicketMail mail,
                 TicketExplanations explanations, TicketPromises promises, ApplicationEventPublisher events,
                 MeterRegistry meters, Clock clock) {
        this.clients = clients;
        this.clientHolidays = clientHolidays;
        this.tickets = tickets;
        this.history = history;
        this.policy = policy;
        this.policies = policies;
        this.workflow = workflow;
        this.mail = mail;
        this.explanations = explanations;
        this.promises = promises;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** A stored ticket and, when its request was not taken as sent (chat outside its hours), what the customer is told. */
    public record Received(Ticket ticket, String notice) {
    }

    /**
     * Stores and starts a request. A known client's chat request outside its plan's chat hours (judged when it was
     * received, by the version that decides it) is never refused: it is taken as email, and the customer told why.
     */
    @Transactional
    public Received receive(NewTicket request, String receivedBy) {
        return receive(request, receivedBy, null);
    }

    /**
     * As above, in the caller's transaction; {@code noAutoReply} is why the sender must get no acknowledgement (mail
     * from a mailing list), or null.
     */
    Received receive(NewTicket request, String receivedBy, String noAutoReply) {
        return receive(request, receivedBy, noAutoReply, null);
    }

    /** As above; {@code intakeNote} is what the acknowledgement tells the sender about how the request was taken. */
    Received receive(NewTicket request, String receivedBy, String noAutoReply, String intakeNote) {
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() == null ? now : request.receivedAt();
        Optional<Client> client = clients.findByContact(request.from());
        if (client.isEmpty() || !client.get().enabled()) {
            long id = tickets.insert(null, request, receivedAt, TicketStatus.TRIAGE, null, null, now);
            Trace.ticket(TicketKey.of(id));
            history.add(id, now, receivedBy, RECEIVED, "via " + request.channel() + " from " + client.map(c ->
                    request.from() + " of " + c.name() + ", a disabled client").orElse("unknown sender "
                    + request.from()) + "; waiting for triage");
            if (noAutoReply != null) {
                mail.withhold(id, noAutoReply, now);
            }
            mail.awaitingTriage(id, policy.active().number(), now);
            counted(NONE, NONE, TicketStatus.TRIAGE.name(), request.channel());
            log.info("{} received via {} from {}; waiting for triage", TicketKey.of(id), request.channel(),
                    client.isEmpty() ? "an unknown sender" : "a disabled client");
            return new Received(tickets.find(id).orElseThrow(), null);
        }
        PolicyVersion version = policy.active();
        Client c = client.get();
        Optional<ChatWindow> closedChat = closedChat(c, version, request.channel(), receivedAt);
        NewTicket taken = closedChat.isPresent() ? request.asEmail() : request;
        long id = tickets.insert(c.id(), taken, receivedAt, TicketStatus.OPEN, c.tier(), version.number(), now);
        Trace.ticket(TicketKey.of(id));
        history.add(id, now, receivedBy, RECEIVED, "via " + request.channel() + " from " + request.from()
                + " (" + c.name() + ", " + c.tier() + ", hosting " + c.hosting() + ")");
        if (noAutoReply != null) {
            mail.withhold(id, noAutoReply, now);
        }
        closedChat.ifPresent(chat -> history.add(id, now, "policy v" + version.number(), CHANNEL_CHANGED,
                chat.takenAsEmail()));
        String notice = closedChat.map(ChatWindow::customerNote).map(n -> intakeNote == null ? n : n + " " + intakeNote)
                .orElse(intakeNote);
        Decision decision = startWork(id, version, factsOf(c, taken.subject(), taken.body(), taken.channel(),
                receivedAt, taken.category()), notice, now);
        counted(c.tier().name(), decision.getCategory().name(), decision.getRoute().name(), taken.channel());
        log.info("{} received via {}: {} {}, {} to {}, due {} (policy v{})", TicketKey.of(id), taken.channel(), c.tier(),
                decision.getCategory(), decision.getRoute(), decision.getCandidateGroup(), decision.getSlaDueAt(),
                version.number());
        return new Received(tickets.find(id).orElseThrow(), notice);
    }

    /** Counts a received ticket once its transaction commits (labels from the policy's own enums: a bounded set). */
    private void counted(String tier, String category, String route, Channel channel) {
        AfterCommit.run(() -> Counter.builder(RECEIVED_METRIC).description("Tickets received, as the policy decided them")
                .tags("tier", tier, "category", category, "route", route, "channel", channel.name())
                .register(meters).increment());
    }

    /** The plan's chat window when a chat request arrived outside it (or the plan has none); empty otherwise. */
    private Optional<ChatWindow> closedChat(Client c, PolicyVersion version, Channel channel, Instant receivedAt) {
        if (channel != Channel.CHAT) {
            return Optional.empty();
        }
        ChatWindow window = ChatWindow.of(policies.plan(version, c.tier()), receivedAt);
        return window.open() ? Optional.empty() : Optional.of(window);
    }

    /**
     * Links a ticket from an unknown sender to its client and starts its work. The SLA runs from when the request
     * was received, not from the triage: the customer has been waiting since then.
     */
    @Transactional
    public Ticket triage(String key, Triage triage, String triagedBy) {
        Ticket ticket = tickets.byKey(key);
        long id = ticket.id();
        Client c = clients.find(triage.clientId()).orElseThrow(() -> new UnknownClientException(triage.clientId()));
        if (!c.enabled()) {
            throw new TicketConflictException(c.name() + " is disabled: enable the client first");
        }
        String contact = triage.addDomainAsContact() ? ContactAddresses.domainOf(ticket.sender())
                : triage.addSenderAsContact() ? ContactAddresses.normalized(ticket.sender()) : null;
        if (contact != null) {
            clients.addContact(triagedBy, c.id(), contact, null);
        }
        Instant now = clock.instant();
        PolicyVersion version = policy.active();
        if (!tickets.linkToClient(id, c, version.number(), now)) {
            throw new TicketConflictException(key + " is " + ticket.status() + ", not waiting for triage");
        }
        history.add(id, now, triagedBy, TRIAGED, "linked to " + c.name() + " (" + c.tier() + ", hosting "
                + c.hosting() + ")" + (contact == null ? "" : "; " + contact + " is now its contact"));
        startWork(id, version, factsOf(c, ticket.subject(), ticket.body(), ticket.channel(), ticket.receivedAt(),
                triage.category()), null, now);
        return tickets.find(id).orElseThrow();
    }

    /**
     * The customer wrote again on a resolved ticket: it is open again, unassigned, and the active policy decides it
     * anew as if it had been received when the reply was, with the reply's text; a new process (work, ladder, timers)
     * starts, on a new clock: pauses of the earlier one do not move its due instant. In the caller's transaction. Returns false, changing nothing, when the ticket has no client to decide by.
     */
    boolean reopenOnReply(Ticket ticket, String from, String replyBody, Instant replyAt, Instant now) {
        Optional<Client> client = clients.findByTicket(ticket.id());
        if (client.isEmpty()) {
            return false;
        }
        tickets.reopen(ticket.id(), now);
        tickets.restartClock(ticket.id(), replyAt, replyBody, now);
        PolicyVersion version = policy.active();
        history.add(ticket.id(), now, from, REOPENED, "the customer wrote again at " + replyAt
                + "; decided anew from then by policy v" + version.number());
        StartedTicket started = workflow.startTicket(version.number(), ticket.key(), factsOf(client.get(),
                ticket.subject(), replyBody, Channel.EMAIL, replyAt, ticket.requestedCategory()));
        recordDecision(ticket.id(), version.number(), ticket.requestedCategory(), started, replyAt, false, Duration.ZERO,
                null, now);
        return true;
    }

    /**
     * Staff correct a ticket's category: the ticket's own policy version decides its route and SLA again (counted,
     * as always, from when it was received), its current work and timers end and new ones start. Both decisions
     * stay in the history. A resolved ticket, or one still in triage, cannot be corrected.
     */
    @Transactional
    public Ticket recategorize(String key, Category category, String correctedBy) {
        Ticket ticket = tickets.byKey(key);
        long id = ticket.id();
        if (ticket.processInstanceId() == null || ticket.status() == TicketStatus.RESOLVED) {
            throw new TicketConflictException(key + " is " + ticket.status() + "; only open work can be re-decided");
        }
        if (ticket.category() == category) {
            throw new TicketConflictException(key + " is already " + category);
        }
        Client c = clients.findByTicket(id).orElseThrow();
        Instant now = clock.instant();
        history.add(id, now, correctedBy, CATEGORY_CORRECTED, ticket.category() + " -> " + category
                + (ticket.assignee() == null ? "" : "; " + ticket.assignee() + " no longer holds it"));
        redecide(ticket, c, category, ticket.policyVersion(), now);
        return tickets.find(id).orElseThrow();
    }

    /**
     * Staff looked at a possible emergency and found it is not one: the badge goes, the manager view no longer lists
     * it, and the history says who. The decision stands. One that is no possible emergency, or was looked at
     * already, is a conflict.
     */
    @Transactional
    public Ticket notAnEmergency(String key, String lookedAtBy) {
        Ticket ticket = tickets.byKey(key);
        if (!ticket.possibleEmergencyToLookAt() || !tickets.possibleEmergencySeen(ticket.id(), lookedAtBy, clock.instant())) {
            // Read again: someone else may have looked a moment ago.
            String seenBy = tickets.find(ticket.id()).orElseThrow().possibleEmergencySeenBy();
            throw new TicketConflictException(key + (seenBy != null ? " was already looked at by " + seenBy
                    : " is not a possible emergency waiting to be looked at"));
        }
        history.add(ticket.id(), clock.instant(), lookedAtBy, NOT_AN_EMERGENCY, "the " + ticket.category()
                + " decision stands");
        return tickets.find(ticket.id()).orElseThrow();
    }

    /**
     * A client's tier changed: its tickets whose SLA clock still runs (nobody assigned yet) are decided again by their
     * own policy version with the new tier, counted from when each was received; their pending timers are replaced,
     * not added to. Tickets someone already holds keep the promise they were made. Returns the re-decided keys.
     */
    @Transactional
    public List<String> changeTier(long clientId, Tier tier, String changedBy) {
        Client before = clients.find(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        if (before.tier() == tier) {
            return List.of();
        }
        clients.changeTier(changedBy, before, tier);
        Client after = clients.find(clientId).orElseThrow();
        Instant now = clock.instant();
        List<String> redecided = new ArrayList<>();
        for (Ticket ticket : tickets.withRunningSla(clientId)) {
            history.add(ticket.id(), now, changedBy, TIER_CHANGED, after.name() + ": " + before.tier() + " -> " + tier);
            redecide(ticket, after, ticket.category(), ticket.policyVersion(), now);
            redecided.add(ticket.key());
        }
        return redecided;
    }

    /**
     * A policy version was activated with its open tickets: this one, whose SLA clock still runs, is decided again by
     * that version (counted from when it was received, keeping any category staff chose) and its timers replaced.
     * Returns false, changing nothing, if it has meanwhile been assigned, resolved or moved.
     */
    @Transactional
    public boolean moveToVersion(long ticketId, PolicyVersion version, String movedBy) {
        Ticket ticket = tickets.find(ticketId).orElseThrow();
        if (!SlaClock.runs(ticket) || ticket.policyVersion() == version.number()) {
            return false;
        }
        Instant now = clock.instant();
        history.add(ticketId, now, movedBy, POLICY_MIGRATED, "policy v" + ticket.policyVersion() + " -> v"
                + version.number());
        redecide(ticket, clients.findByTicket(ticketId).orElseThrow(), ticket.requestedCategory(), version.number(), now);
        return true;
    }

    /**
     * A policy version decides the ticket again from these facts: its process (work, ladder and timers) ends and a new
     * one starts on that version. The new ladder counts the working time the clock has spent paused; a pause still
     * running goes on.
     */
    private void redecide(Ticket ticket, Client c, Category category, int toVersion, Instant now) {
        tickets.reopen(ticket.id(), now);
        Duration pausedSoFar = ticket.slaPaused();
        StartedTicket started = workflow.restartTicket(ticket.policyVersion(), toVersion,
                ticket.processInstanceId(), ticket.key(), factsOf(c, ticket.subject(), ticket.decidedText(),
                        ticket.decidedChannel(), ticket.clockFrom(), category), pausedSoFar);
        recordDecision(ticket.id(), toVersion, category, started, ticket.clockFrom(), true, pausedSoFar, null, now);
        if (ticket.slaPausedAt() != null) {
            workflow.pauseSla(toVersion, started.processInstanceId(), ticket.slaPausedAt());
        }
        events.publishEvent(new TicketRedecided(ticket.id(), now));
    }

    private TicketFacts factsOf(Client c, String subject, String body, Channel channel, Instant receivedAt,
                                Category requestedCategory) {
        return new TicketFacts(c.tier(), c.hosting(), subject, body, channel, receivedAt, requestedCategory,
                clientHolidays.forPolicy(c));
    }

    /** {@code channelNote}: what the acknowledgement tells the customer about the channel, or null. */
    private Decision startWork(long id, PolicyVersion version, TicketFacts facts, String channelNote, Instant now) {
        StartedTicket started = workflow.startTicket(version.number(), TicketKey.of(id), facts);
        recordDecision(id, version.number(), facts.getRequestedCategory(), started, facts.getReceivedAt(), false,
                Duration.ZERO, channelNote, now);
        return started.decision();
    }

    /**
     * {@code clockFrom}: when the decision's clock starts, the receipt or the reply that reopened the ticket;
     * {@code sameClock}: the ticket was decided on that clock before, and this decision replaces that one's promise.
     */
    private void recordDecision(long id, int policyVersion, Category requestedCategory, StartedTicket started,
                                Instant clockFrom, boolean sameClock, Duration pausedSoFar, String channelNote,
                                Instant now) {
        Decision decision = started.decision();
        Instant dueAt = SlaLadder.afterPause(decision.getCalendar(), decision.getSlaDueAt(), pausedSoFar);
        tickets.recordDecision(id, started.processInstanceId(), policyVersion, requestedCategory, decision, dueAt, now);
        explanations.record(id, Explanation.of(decision, clockFrom));
        promises.decided(id, clockFrom, sameClock, policyVersion, decision, dueAt);
        history.add(id, now, "policy v" + policyVersion, DECIDED, PromiseLines.decided(decision, dueAt, pausedSoFar));
        mail.decided(id, channelNote, now);
    }
}
