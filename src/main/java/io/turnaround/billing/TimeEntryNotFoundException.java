package io.turnaround.billing;

/** A path named a time entry that the ticket does not have, or that was already withdrawn. */
public class TimeEntryNotFoundException extends RuntimeException {

    public TimeEntryNotFoundException(String ticketKey, long id) {
        super("ticket " + ticketKey + " has no standing time entry " + id);
    }
}
