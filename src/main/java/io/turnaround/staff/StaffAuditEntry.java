package io.turnaround.staff;

import java.time.Instant;

/** One change to an account: who made it, when, what it changed, and the value before and after (never a password). */
public record StaffAuditEntry(Instant at, String actor, String username, String what, String before, String after) {
}
