/** Correlation ids and ticket keys in the log's MDC, for requests and for the work of timers, mailbox and outbox. */
package io.turnaround.tracing;
