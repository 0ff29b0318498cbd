package io.turnaround.policy;

/** An upload that is not a policy bundle at all (not a zip, too large, not text, no policy files): nothing is stored. */
public class InvalidPolicyUploadException extends RuntimeException {

    public InvalidPolicyUploadException(String message) {
        super(message);
    }
}
