/** Mail in and out: the support mailbox read over IMAP, raw messages pushed over HTTP, and the outbox sender. */
package io.turnaround.mail;
