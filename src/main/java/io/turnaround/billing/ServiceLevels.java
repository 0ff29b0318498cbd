package io.turnaround.billing;

import io.turnaround.ticket.TicketCompliance;

import java.time.Duration;

/**
 * A client's service levels in a month, for its statement: the promises whose clock started in the month (in the
 * client's zone), how many were met, breached and are still running, and the median time to assign on their own
 * clocks (null when none was assigned). Counted as the reports count them (README, "How the figures are counted").
 */
public record ServiceLevels(int tickets, int met, int breached, int running, Duration assignOnClockMedian) {

    static ServiceLevels of(TicketCompliance.Figures figures) {
        return figures == null ? new ServiceLevels(0, 0, 0, 0, null) : new ServiceLevels(figures.tickets(),
                figures.met(), figures.breached(), figures.running(), figures.assignOnClockMedian());
    }
}
