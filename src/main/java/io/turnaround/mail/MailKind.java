package io.turnaround.mail;

/** What an outbound mail is; the column {@code outbound_mail.kind}. */
public enum MailKind {
    /** To a customer: we have the request (and, for a known client, what we promise). */
    ACKNOWLEDGEMENT,
    /** A staff member's reply to a customer. */
    REPLY,
    /** A hosting-partner emergency, forwarded to the partner's ticketing address. */
    PARTNER_FORWARD,
    /** An emergency of a self-hosted client, to the client's own hosting contact. */
    CLIENT_HOSTING,
    /** An SLA ladder warning to staff. */
    SLA_WARNING,
    /** A custom-work quote to the client, or its reminder, with the link to accept or decline it. */
    QUOTE,
    /** A report to staff: the weekly service-level summary to the support managers. */
    REPORT;

    /**
     * The RFC 3834 {@code Auto-Submitted} header value, so that vacation responders and other robots do not answer
     * (a loop between two robots never ends); null for a mail a person wrote.
     */
    public String autoSubmitted() {
        return switch (this) {
            case REPLY -> null;
            case ACKNOWLEDGEMENT -> "auto-replied";
            default -> "auto-generated";
        };
    }
}
