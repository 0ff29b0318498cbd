package io.turnaround.studio;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No workspace of that id, or no file of that path in it: a 404. */
public class WorkspaceNotFoundException extends ResponseStatusException {

    WorkspaceNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "no studio workspace " + id);
    }

    WorkspaceNotFoundException(long id, String path) {
        super(HttpStatus.NOT_FOUND, "studio workspace " + id + " has no file " + path);
    }
}
