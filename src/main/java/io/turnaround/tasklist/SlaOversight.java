package io.turnaround.tasklist;

import io.turnaround.ticket.SlaLateness;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketLookup;
import io.turnaround.workflow.FailedTimer;
import io.turnaround.workflow.Workflow;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What managers watch of the SLA machinery itself: timers whose work keeps failing, and how late rungs run. */
@Service
class SlaOversight {

    static final Duration LATENESS_WINDOW = Duration.ofHours(24);

    private final Workflow workflow;
    private final TicketLookup tickets;
    private final Clock clock;

    SlaOversight(Workflow workflow, TicketLookup tickets, Clock clock) {
        this.workflow = workflow;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** A dead-lettered timer with its ticket's key (null if the process has no ticket). */
    record DeadLetter(String ticketKey, long processInstanceId, String step, int attempts, Instant firstFailedAt,
                      Instant lastFailedAt, String lastError, boolean givenUp) {
    }

    List<DeadLetter> deadLetters() {
        return workflow.failedTimers().stream().map(this::withTicket).toList();
    }

    void retry(long processInstanceId) {
        workflow.retryFailedTimer(processInstanceId);
    }

    SlaLateness recentLateness() {
        return tickets.slaLatenessSince(clock.instant().minus(LATENESS_WINDOW));
    }

    private DeadLetter withTicket(FailedTimer failed) {
        String key = tickets.byProcessInstance(failed.ticketProcessInstanceId()).map(Ticket::key).orElse(null);
        return new DeadLetter(key, failed.processInstanceId(), failed.step(), failed.attempts(), failed.firstFailedAt(),
                failed.lastFailedAt(), failed.lastError(), failed.givenUp());
    }
}
