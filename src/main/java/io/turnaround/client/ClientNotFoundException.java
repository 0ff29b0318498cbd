package io.turnaround.client;

/** A path named a client that does not exist. */
public class ClientNotFoundException extends RuntimeException {

    public ClientNotFoundException(long id) {
        super("no client " + id);
    }
}
