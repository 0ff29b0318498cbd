package io.turnaround.ticket;

/**
 * The open tickets waiting at a node of a process now, and how many of them are breached. A ticket waiting twice at
 * one node (two tokens there) counts twice; the shipped processes never do that.
 */
public record NodeCount(String nodeId, int open, int breached) {
}
