package io.turnaround.studio;

import io.swagger.v3.oas.annotations.media.Schema;
import io.turnaround.policy.IncompleteDecisionException;
import io.turnaround.policy.PolicyCompilationException;
import io.turnaround.policy.PolicyProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * The studio's own refusals, as problem bodies with what the page needs to go on: a save made from an older text
 * gets the file as it is now, and a workspace that cannot decide gets its problems at their lines.
 */
@RestControllerAdvice(assignableTypes = {StudioApi.class, WorkspaceTrialsApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class StudioErrors {

    private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");

    /** A refused change: the problem, and the file as it is now when it was changed meanwhile. */
    @Schema(name = "WorkspaceConflict", description = "A refused change, and the file as it is now")
    record Conflict(String title, int status, String detail, StudioApi.Saved theirs, String theirText) {
    }

    /** A workspace that cannot decide: why, and its compiler's problems if that is why. */
    @Schema(name = "WorkspaceCannotDecide", description = "Why the workspace cannot decide, and its problems")
    record CannotDecide(String title, int status, String detail, List<PolicyProblem> problems) {
    }

    @ExceptionHandler(WorkspaceConflictException.class)
    ResponseEntity<Conflict> conflict(WorkspaceConflictException e) {
        WorkspaceFile theirs = e.theirs();
        HttpStatus status = HttpStatus.CONFLICT;
        return ResponseEntity.status(status).contentType(PROBLEM).body(new Conflict(status.getReasonPhrase(),
                status.value(), e.getMessage(), theirs == null ? null : StudioApi.Saved.of(theirs),
                theirs == null ? null : theirs.content()));
    }

    @ExceptionHandler(PolicyCompilationException.class)
    ResponseEntity<CannotDecide> doesNotCompile(PolicyCompilationException e) {
        return cannotDecide("the workspace does not compile; fix its problems first", e.problems());
    }

    @ExceptionHandler(IncompleteDecisionException.class)
    ResponseEntity<CannotDecide> incomplete(IncompleteDecisionException e) {
        return cannotDecide("the rules made no complete decision for this request: nothing set for "
                + String.join(", ", e.missing()), List.of());
    }

    private static ResponseEntity<CannotDecide> cannotDecide(String detail, List<PolicyProblem> problems) {
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        return ResponseEntity.status(status).contentType(PROBLEM)
                .body(new CannotDecide(status.getReasonPhrase(), status.value(), detail, problems));
    }
}
