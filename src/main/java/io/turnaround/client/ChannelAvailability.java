package io.turnaround.client;

import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Tier;

import java.time.Instant;
import java.util.List;

/**
 * Which channels a client may use at a moment, as {@code GET /api/clients/{id}/channels} answers: email always, chat
 * while the plan's chat hours are open. Every field is always present (null when there is nothing to say), so a
 * front-end reads one shape.
 */
record ChannelAvailability(long client, String clientName, Tier tier, int policyVersion, Instant at,
                           List<Channel> channels, Chat chat, String message) {

    /** The plan's chat: {@code zone} is its hours' time zone, the {@code *Local} texts are in that zone. */
    record Chat(boolean offered, boolean open, String zone, Instant opensAt, String opensAtLocal, Instant closesAt,
                String closesAtLocal) {
    }

    static ChannelAvailability of(Client client, int policyVersion, ChatWindow window) {
        List<Channel> channels = window.open() ? List.of(Channel.EMAIL, Channel.CHAT) : List.of(Channel.EMAIL);
        Chat chat = new Chat(window.offered(), window.open(), window.zone() == null ? null : window.zone().getId(),
                window.opensAt(), window.local(window.opensAt()), window.closesAt(), window.local(window.closesAt()));
        return new ChannelAvailability(client.id(), client.name(), client.tier(), policyVersion, window.at(), channels, chat,
                window.message());
    }
}
