package io.turnaround.staff;

/** A change to an account that breaks a rule (a short password, an unknown time zone): 400, naming the rule. */
public class InvalidStaffRequestException extends RuntimeException {

    public InvalidStaffRequestException(String reason) {
        super(reason);
    }
}
