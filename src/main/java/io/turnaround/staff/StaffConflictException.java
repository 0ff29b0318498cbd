package io.turnaround.staff;

/** A change the accounts as they are refuse: a user name taken, or the last enabled admin disabled or demoted. 409. */
public class StaffConflictException extends RuntimeException {

    public StaffConflictException(String reason) {
        super(reason);
    }
}
