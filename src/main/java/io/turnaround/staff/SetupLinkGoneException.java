package io.turnaround.staff;

/** The first admin's set-up link no longer works: used, replaced, expired, or an admin exists, as it says. */
class SetupLinkGoneException extends RuntimeException {

    SetupLinkGoneException(String reason) {
        super(reason);
    }
}
