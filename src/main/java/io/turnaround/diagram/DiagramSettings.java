package io.turnaround.diagram;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code turnaround.diagram.*}: the live diagrams.
 *
 * @param staysOver            the period the median stay at a node is taken over
 * @param staysRefreshedAfter  how old the medians may grow before they are taken again, in the background while the
 *                             older ones are shown (the counts are always taken at the request); zero takes them at
 *                             every request
 */
@ConfigurationProperties("turnaround.diagram")
public record DiagramSettings(@DefaultValue("P7D") Duration staysOver,
                              @DefaultValue("PT1M") Duration staysRefreshedAfter) {
}
