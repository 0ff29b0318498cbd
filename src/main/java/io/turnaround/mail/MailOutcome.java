package io.turnaround.mail;

/**
 * What intake made of a mail: a new ticket, a message on an existing one, nothing (a machine's mail), or a mail kept
 * for staff because it could not be read. {@code duplicate} is true when this message had been taken in before.
 */
public record MailOutcome(long inboundMailId, Kind kind, String ticketKey, String reason, boolean duplicate) {

    public enum Kind { NEW_TICKET, CUSTOMER_REPLY, PARTNER_REPLY, IGNORED, UNREADABLE }
}
