package io.turnaround.policy;

import java.time.Instant;

/** One step of a policy change in the audit log. */
public record PolicyAuditEntry(long id, Instant at, String actor, PolicyAudit.Action action, Integer version,
                               String contentHash, String result, String detail) {
}
