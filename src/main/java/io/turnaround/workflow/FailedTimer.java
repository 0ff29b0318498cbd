package io.turnaround.workflow;

import java.time.Instant;

/**
 * A process whose timer work keeps failing: the attempts jBPM made and the last error. {@code givenUp} means jBPM's
 * retries ran out and the timer waits, dormant, for someone to retry it. {@code ticketProcessInstanceId} is the
 * ticket's process: this one, or the one that started it (a quote's).
 */
public record FailedTimer(long processInstanceId, long ticketProcessInstanceId, String step, int attempts, Instant firstFailedAt,
                          Instant lastFailedAt, String lastError, boolean givenUp) {
}
