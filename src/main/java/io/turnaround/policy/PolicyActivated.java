package io.turnaround.policy;

/**
 * A policy version became the active one on this node by an admin's action (not by following another node).
 * {@code previous} is the version it replaced; {@code migrateOpenTickets} asks that tickets whose SLA still runs move to it.
 */
public record PolicyActivated(PolicyVersion version, PolicyVersion previous, boolean migrateOpenTickets, String actor) {
}
