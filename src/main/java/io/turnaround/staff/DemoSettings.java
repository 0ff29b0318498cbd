package io.turnaround.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code turnaround.demo.*}, read only with the demo profile.
 *
 * @param listenPublicly {@code turnaround.demo.public} (env {@code TURNAROUND_DEMO_PUBLIC}): listen where
 *                       {@code server.address} says (every address by default) although the demo accounts exist
 */
@ConfigurationProperties("turnaround.demo")
record DemoSettings(@Name("public") boolean listenPublicly) {
}
