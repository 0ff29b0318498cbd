package io.turnaround.startup;

/**
 * The server will not start as configured: a setting is missing, or the database holds what this profile must not
 * run with. Shown as Spring Boot's "APPLICATION FAILED TO START" report with its description and action, no stack trace.
 */
public class StartupRefusedException extends RuntimeException {

    private final String action;

    public StartupRefusedException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
