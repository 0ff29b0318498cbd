/**
 * Mail in and out: the support mailbox read over IMAP and raw messages pushed over HTTP, handed to the
 * {@link io.turnaround.mail.MailReceiver} port (ticket intake implements it), and the outbox. It owns the outbox
 * table: other packages queue mail and ask about it through {@link io.turnaround.mail.Outbox}, never in SQL. It
 * depends on no other feature package.
 */
package io.turnaround.mail;
