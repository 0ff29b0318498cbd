/**
 * Tickets: intake (API and mail), triage and re-decision, the history, the conversation and attachments, waits and
 * the SLA clock ({@link io.turnaround.ticket.SlaClock}: the ticket's row and its ladder together), and the mail a
 * ticket causes. It owns the ticket tables; it reaches the engine only through the workflow ports, and mail only
 * through {@link io.turnaround.mail.Outbox}.
 */
package io.turnaround.ticket;
