package io.turnaround.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the server watches its database ({@code turnaround.database.*}).
 *
 * @param probeEvery          how often a connection of its own asks the database whether it answers
 * @param probeTimeout        how long that answer may take before the database counts as stalled
 * @param webStatementTimeout the longest a statement run for a web request may take before it is cancelled
 * @param retryAfter          what a request refused meanwhile is told to wait ({@code Retry-After})
 */
@ConfigurationProperties("turnaround.database")
public record DatabaseSettings(@DefaultValue("PT1S") Duration probeEvery, @DefaultValue("PT3S") Duration probeTimeout,
                               @DefaultValue("PT30S") Duration webStatementTimeout,
                               @DefaultValue("PT5S") Duration retryAfter) {
}
