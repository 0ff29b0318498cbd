package io.turnaround.billing;

/** Input to the time log, the hours bank or a statement that cannot be used; {@code field} names what to fix. */
public class InvalidHoursRequestException extends RuntimeException {

    private final String field;

    public InvalidHoursRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
