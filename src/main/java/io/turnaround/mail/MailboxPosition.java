package io.turnaround.mail;

/** Where a message sits in a mailbox: unique as long as the folder keeps its UIDVALIDITY. */
public record MailboxPosition(String mailbox, long uidValidity, long uid) {
}
