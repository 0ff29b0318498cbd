package io.turnaround.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A report asked for in a way that cannot be answered: a 400 that says why. */
class BadReportException extends ResponseStatusException {

    BadReportException(String reason) {
        super(HttpStatus.BAD_REQUEST, reason);
    }
}
