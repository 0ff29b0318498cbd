package io.turnaround.client;

/** A change to a client or its contacts breaks a rule; the message names it. */
public class InvalidClientRequestException extends RuntimeException {

    public InvalidClientRequestException(String message) {
        super(message);
    }
}
