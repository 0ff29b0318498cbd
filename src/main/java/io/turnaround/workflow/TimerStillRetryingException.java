package io.turnaround.workflow;

/** A retry was asked for a timer jBPM has not given up on yet: it is still retrying it itself. */
public class TimerStillRetryingException extends RuntimeException {

    public TimerStillRetryingException(long processInstanceId) {
        super("the failed timer of process " + processInstanceId + " is still being retried; retry it once it has"
                + " been given up");
    }
}
