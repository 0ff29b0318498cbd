package io.turnaround.ticket;

import java.time.Instant;

/** A note (staff only), a reply to the customer with the state of its mail, or a mail the ticket received. */
public record TicketMessage(long id, Kind kind, String author, String body, Instant createdAt, String mailStatus) {

    /** A staff note, a staff reply, and what the customer and the hosting partner wrote by mail. */
    public enum Kind {
        NOTE("added an internal note"), REPLY("replied to the customer"), CUSTOMER("wrote (the customer, by mail)"),
        PARTNER("wrote (the hosting partner, by mail)");

        private final String action;

        Kind(String action) {
            this.action = action;
        }

        public String action() {
            return action;
        }
    }
}
