package io.turnaround.diagram;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ProcessNotFoundException extends ResponseStatusException {

    ProcessNotFoundException(String processId, int policyVersion) {
        super(HttpStatus.NOT_FOUND, "Policy version " + policyVersion + " has no process " + processId);
    }
}
