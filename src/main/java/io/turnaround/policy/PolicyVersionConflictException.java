package io.turnaround.policy;

/** A step that the version's state does not allow (activating a rejected version, say); nothing changed. */
public class PolicyVersionConflictException extends RuntimeException {

    public PolicyVersionConflictException(String message) {
        super(message);
    }
}
