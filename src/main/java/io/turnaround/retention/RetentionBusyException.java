package io.turnaround.retention;

/** Another node (or this one) is running the job now; nothing was done. */
public class RetentionBusyException extends RuntimeException {

    RetentionBusyException(String holder) {
        super("retention is running already (" + holder + "); try again when it has finished");
    }
}
