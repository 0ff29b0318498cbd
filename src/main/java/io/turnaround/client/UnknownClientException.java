package io.turnaround.client;

/** A request named a client that does not exist. */
public class UnknownClientException extends RuntimeException {

    public UnknownClientException(long id) {
        super("no client " + id);
    }
}
