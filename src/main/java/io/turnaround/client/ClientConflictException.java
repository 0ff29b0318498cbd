package io.turnaround.client;

/** A change that clashes with another client: a name or a contact that is already someone else's. */
public class ClientConflictException extends RuntimeException {

    public ClientConflictException(String message) {
        super(message);
    }
}
