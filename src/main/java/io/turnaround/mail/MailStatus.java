package io.turnaround.mail;

/** Where an outbound mail is: waiting (first try or a retry), delivered to the SMTP server, or given up on. */
public enum MailStatus {
    QUEUED, SENT, FAILED
}
