package io.turnaround.studio;

/**
 * A change that would lose someone's work, or one to a workspace that is closed: a 409. {@code theirs} is the file
 * as it is now, when the change was made from an older text of it (null if it is gone, or no file is concerned).
 */
public class WorkspaceConflictException extends RuntimeException {

    private final transient WorkspaceFile theirs;

    WorkspaceConflictException(String message, WorkspaceFile theirs) {
        super(message);
        this.theirs = theirs;
    }

    public WorkspaceFile theirs() {
        return theirs;
    }
}
