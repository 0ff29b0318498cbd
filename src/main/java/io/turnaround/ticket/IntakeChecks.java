package io.turnaround.ticket;

import io.turnaround.staff.Staff;

import java.time.Instant;
import java.util.Set;

/**
 * What a caller of {@code POST /api/tickets} may ask for beyond a well-formed request: a {@code receivedAt} inside
 * the window the settings allow, and a {@code category} only if they are staff (an integration posting for customers
 * would otherwise let a customer choose "emergency").
 */
final class IntakeChecks {

    private static final Set<String> STAFF_ROLES = Set.of("AGENT", "MANAGER", "ADMIN");

    private final IntakeSettings settings;

    IntakeChecks(IntakeSettings settings) {
        this.settings = settings;
    }

    void requireMaySetCategory(NewTicket request, Staff caller) {
        if (request.category() != null && caller.roles().stream().noneMatch(STAFF_ROLES::contains)) {
            throw new TicketFieldRefusedException("category", "only staff (agents, managers, admins) choose a new"
                    + " ticket's category; leave 'category' out and the policy classifies the request");
        }
    }

    void requireReceivedAtInWindow(NewTicket request, Instant now) {
        Instant receivedAt = request.receivedAt();
        if (receivedAt == null) {
            return;
        }
        Instant earliest = now.minus(settings.receivedAtMaxAge());
        Instant latest = now.plus(settings.receivedAtMaxAhead());
        if (receivedAt.isBefore(earliest) || receivedAt.isAfter(latest)) {
            throw new InvalidTicketRequestException("receivedAt", "'" + receivedAt + "' is outside the accepted window:"
                    + " from " + earliest + " (" + settings.receivedAtMaxAge() + " ago) to " + latest + " ("
                    + settings.receivedAtMaxAhead() + " ahead); leave it out to mean now");
        }
    }
}
