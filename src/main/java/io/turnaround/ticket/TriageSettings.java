package io.turnaround.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code turnaround.triage.*}: mail from a sender nobody knows waits in triage, its SLA counting from receipt.
 *
 * @param warnAfter how long a ticket may wait in triage before the manager view lists it
 */
@ConfigurationProperties("turnaround.triage")
public record TriageSettings(@DefaultValue("PT1H") Duration warnAfter) {
}
