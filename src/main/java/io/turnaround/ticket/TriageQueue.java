package io.turnaround.ticket;

import io.turnaround.client.Client;
import io.turnaround.client.Clients;
import io.turnaround.client.ContactAddresses;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tickets waiting for triage, the longest waiting first, each with the client it most likely belongs to: the
 * client the sender wrote for before, else the one whose contact addresses share the sender's domain.
 */
@Service
public class TriageQueue {

    private final Tickets tickets;
    private final Clients clients;
    private final TriageSettings settings;

    TriageQueue(Tickets tickets, Clients clients, TriageSettings settings) {
        this.tickets = tickets;
        this.clients = clients;
        this.settings = settings;
    }

    /** A likely client, and why it is suggested. */
    public record Suggestion(Client client, String why) {
    }

    /** A ticket in triage, how long it has waited, and the suggested client (null when there is none). */
    public record Waiting(Ticket ticket, Duration waited, Suggestion suggestion) {
    }

    public List<Waiting> oldestFirst(int limit, Instant now) {
        return tickets.inTriage(limit).stream().map(t -> waiting(t, now)).toList();
    }

    public Waiting waiting(Ticket ticket, Instant now) {
        return new Waiting(ticket, Duration.between(ticket.receivedAt(), now), suggestionFor(ticket.sender()).orElse(null));
    }

    public int count() {
        return tickets.countInTriage();
    }

    /** The tickets that have waited in triage longer than {@code turnaround.triage.warn-after}. */
    public List<Waiting> overdue(int limit, Instant now) {
        return oldestFirst(limit, now).stream().filter(w -> w.waited().compareTo(settings.warnAfter()) > 0).toList();
    }

    public Duration warnAfter() {
        return settings.warnAfter();
    }

    Optional<Suggestion> suggestionFor(String sender) {
        Optional<Suggestion> before = tickets.lastClientOf(sender).flatMap(clients::find).filter(Client::enabled)
                .map(c -> new Suggestion(c, sender + " wrote for " + c.name() + " before"));
        if (before.isPresent()) {
            return before;
        }
        String domain = ContactAddresses.domainOf(sender);
        return clients.withAddressesAt(domain).map(c -> new Suggestion(c, c.name() + " has contacts at "
                + domain.substring(1)));
    }
}
