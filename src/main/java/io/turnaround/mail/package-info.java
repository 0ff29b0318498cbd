/**
 * Mail in and out: the support mailbox read over IMAP, raw messages pushed over HTTP, and the outbox. It owns the
 * outbox table: other packages queue mail and ask about it through {@link io.turnaround.mail.Outbox}, never in SQL.
 */
package io.turnaround.mail;
