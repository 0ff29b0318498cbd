package io.turnaround.workflow;

/** A retry was asked for a process that has no failed timer waiting (it never failed, or was retried already). */
public class NoFailedTimerException extends RuntimeException {

    public NoFailedTimerException(long processInstanceId) {
        super("process " + processInstanceId + " has no failed timer waiting");
    }
}
