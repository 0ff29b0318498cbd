package io.turnaround.staff;

/** No account has this user name. 404. */
public class StaffNotFoundException extends RuntimeException {

    public StaffNotFoundException(String username) {
        super("no member of staff is called " + username);
    }
}
