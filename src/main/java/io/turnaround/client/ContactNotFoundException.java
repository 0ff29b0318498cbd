package io.turnaround.client;

/** A path named a contact the client does not have. */
public class ContactNotFoundException extends RuntimeException {

    public ContactNotFoundException(long clientId, String contact) {
        super("client " + clientId + " has no contact " + contact);
    }
}
