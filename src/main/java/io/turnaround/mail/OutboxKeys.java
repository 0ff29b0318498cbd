package io.turnaround.mail;

/**
 * The idempotency keys of the outbox, one per mail that must go out once however often its cause is retried. Every key
 * is made here: a key also names its mail's Message-ID ({@link MessageIds}), by which replies find their ticket, so a
 * format once used is never changed.
 */
public final class OutboxKeys {

    private OutboxKeys() {
    }

    /** The weekly summary of the week starting that Monday, to one person. */
    public static String weeklySummary(java.time.LocalDate monday, String username) {
        return "weekly-summary-" + monday + "-" + username;
    }

    /** The acknowledgement to a known client's sender, with the promise. */
    public static String acknowledgement(long ticketId) {
        return "ack-" + ticketId;
    }

    /** The acknowledgement to an unknown sender, before triage. */
    public static String triageAcknowledgement(long ticketId) {
        return "ack-triage-" + ticketId;
    }

    /** The forward of an emergency to the hosting partner. */
    public static String partnerForward(long ticketId) {
        return "partner-" + ticketId;
    }

    /** The notice of an emergency to a self-hosted client's own hosting contact. */
    public static String clientHosting(long ticketId) {
        return "client-hosting-" + ticketId;
    }

    /** A staff reply, by its message on the ticket. */
    public static String reply(long ticketMessageId) {
        return "reply-" + ticketMessageId;
    }

    /** One person's warning from one rung of a ticket process's SLA ladder. */
    public static String slaWarning(long processInstanceId, int rung, String username) {
        return "sla-" + processInstanceId + "-" + rung + "-" + username;
    }

    /** A quote mailed to the client. */
    public static String quote(long quoteId) {
        return "quote-" + quoteId;
    }

    /** The reminder of an unanswered quote. */
    public static String quoteReminder(long quoteId) {
        return "quote-reminder-" + quoteId;
    }
}
