package io.turnaround.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.turnaround.billing.InvalidHoursRequestException;
import io.turnaround.billing.TimeEntryNotFoundException;
import io.turnaround.client.ClientConflictException;
import io.turnaround.client.ClientNotFoundException;
import io.turnaround.client.ContactNotFoundException;
import io.turnaround.client.InvalidClientRequestException;
import io.turnaround.client.InvalidHolidaysException;
import io.turnaround.client.UnknownClientException;
import io.turnaround.database.DatabaseFailures;
import io.turnaround.database.DatabaseProbe;
import io.turnaround.policy.InvalidPolicyUploadException;
import io.turnaround.policy.PolicyEvaluationException;
import io.turnaround.policy.PolicyVersionConflictException;
import io.turnaround.policy.PolicyVersionNotFoundException;
import io.turnaround.staff.InvalidStaffRequestException;
import io.turnaround.staff.StaffConflictException;
import io.turnaround.staff.StaffNotFoundException;
import io.turnaround.ticket.InvalidTicketRequestException;
import io.turnaround.ticket.TicketConflictException;
import io.turnaround.ticket.TicketFieldRefusedException;
import io.turnaround.ticket.TicketNotFoundException;
import io.turnaround.workflow.NoFailedTimerException;
import io.turnaround.workflow.TaskActionRefusedException;
import io.turnaround.workflow.TaskNotFoundException;
import io.turnaround.workflow.TimerStillRetryingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.validation.ConstraintViolationException;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every error into a problem body: bad input names its field, and nothing leaks a stack trace. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    private final DatabaseProbe database;

    ApiErrors(DatabaseProbe database) {
        this.database = database;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalid(MethodArgumentNotValidException e) {
        List<Problem.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problem.FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldProblem::field))
                .collect(Collectors.toList());
        return problem(HttpStatus.BAD_REQUEST, "invalid fields: "
                + fields.stream().map(Problem.FieldProblem::field).distinct().collect(Collectors.joining(", ")), fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> invalid(ConstraintViolationException e) {
        List<Problem.FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return new Problem.FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
                })
                .collect(Collectors.toList());
        return problem(HttpStatus.BAD_REQUEST, "invalid parameters", fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RequestSizeLimit.BodyTooLargeException tooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(HttpStatus.BAD_REQUEST, "unknown field '" + field + "'",
                    List.of(new Problem.FieldProblem(field, "is not a field of this request")));
        }
        if (cause instanceof InvalidFormatException format) {
            String field = path(format);
            String expected = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "one of " + Arrays.toString(format.getTargetType().getEnumConstants())
                    : "a valid " + (format.getTargetType() == null ? "value" : format.getTargetType().getSimpleName());
            return problem(HttpStatus.BAD_REQUEST, "field '" + field + "' has an invalid value",
                    List.of(new Problem.FieldProblem(field, "'" + format.getValue() + "' is not " + expected)));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return problem(HttpStatus.BAD_REQUEST, "field '" + field + "' has an invalid value",
                    List.of(new Problem.FieldProblem(field, mapping.getOriginalMessage())));
        }
        if (cause instanceof JsonProcessingException json) {
            var where = json.getLocation();
            return problem(HttpStatus.BAD_REQUEST, "malformed JSON" + (where == null ? ""
                    : " at line " + where.getLineNr() + ", column " + where.getColumnNr()), List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "a JSON request body is required", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> mismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type != null && type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants())
                : type == Instant.class ? "an ISO-8601 instant like 2026-11-28T20:00:00Z" : "valid";
        return problem(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' is invalid",
                List.of(new Problem.FieldProblem(e.getName(), "'" + e.getValue() + "' is not " + expected)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required",
                List.of(new Problem.FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler({TicketNotFoundException.class, TaskNotFoundException.class, ClientNotFoundException.class,
            NoFailedTimerException.class, PolicyVersionNotFoundException.class, TimeEntryNotFoundException.class,
            StaffNotFoundException.class, ContactNotFoundException.class})
    ResponseEntity<Problem> notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(NoHandlerFoundException.class)
    ResponseEntity<Problem> noSuchPath(NoHandlerFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "no such resource: " + e.getRequestURL(), List.of());
    }

    @ExceptionHandler(TaskActionRefusedException.class)
    ResponseEntity<Problem> refused(TaskActionRefusedException e) {
        return problem(e.isForbidden() ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler({TicketConflictException.class, PolicyVersionConflictException.class,
            TimerStillRetryingException.class, StaffConflictException.class,
            ClientConflictException.class})
    ResponseEntity<Problem> conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler({InvalidStaffRequestException.class, InvalidClientRequestException.class})
    ResponseEntity<Problem> invalidStaffOrClient(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    @ExceptionHandler(UnknownClientException.class)
    ResponseEntity<Problem> unknownClient(UnknownClientException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(new Problem.FieldProblem("clientId", e.getMessage())));
    }

    @ExceptionHandler(InvalidHolidaysException.class)
    ResponseEntity<Problem> invalidHolidays(InvalidHolidaysException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems().stream()
                .map(p -> new Problem.FieldProblem(p.where(), p.message())).collect(Collectors.toList()));
    }

    @ExceptionHandler(InvalidHoursRequestException.class)
    ResponseEntity<Problem> invalidHours(InvalidHoursRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(new Problem.FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(PolicyEvaluationException.class)
    ResponseEntity<Problem> stopped(PolicyEvaluationException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "the rules were stopped: " + e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidTicketRequestException.class)
    ResponseEntity<Problem> invalidTicket(InvalidTicketRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "'" + e.field() + "' is invalid: " + e.getMessage(),
                List.of(new Problem.FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(TicketFieldRefusedException.class)
    ResponseEntity<Problem> refusedField(TicketFieldRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, "you may not set '" + e.field() + "'",
                List.of(new Problem.FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidPolicyUploadException.class)
    ResponseEntity<Problem> invalidUpload(InvalidPolicyUploadException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Problem> uploadTooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than " + RequestSizeLimit.MAX_BYTES + " bytes",
                List.of());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Problem> missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "part '" + e.getRequestPartName() + "' is required",
                List.of(new Problem.FieldProblem(e.getRequestPartName(), "is required")));
    }

    /** Left to the security chain, so a method's role check answers exactly as a URL rule does, page or API. */
    @ExceptionHandler(RoleRefusedException.class)
    void roleRefused(RoleRefusedException e) {
        throw e;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Problem> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> status(ResponseStatusException e) {
        return problem(e.getStatus(), e.getReason(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send " + e.getSupportedMediaTypes(), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of());
    }

    /**
     * The engine caught a failure inside the transaction (a connection cut under it, most often) and marked it for
     * rollback: nothing was done, and the same request may be sent again (with its Idempotency-Key).
     */
    @ExceptionHandler(UnexpectedRollbackException.class)
    ResponseEntity<Problem> rolledBack(UnexpectedRollbackException e) {
        log.warn("A transaction was rolled back under a request; it may be sent again", e);
        return unavailable("the request's transaction was rolled back; nothing was done, send it again");
    }

    /** Any other failure; a browser asking for a page gets a page that says it ({@link PageProblem}). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean page = PageProblem.wanted(request);
        if (DatabaseFailures.isDatabaseFailure(e) || !database.answering()) {
            log.warn("Refused for want of the database: {}", e.toString());
            if (page) {
                PageProblem.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseGate.PAGE_UNAVAILABLE,
                        database.retryAfterSeconds());
                return null;
            }
            return unavailable(DatabaseGate.UNAVAILABLE);
        }
        log.error("Unexpected error", e);
        if (page) {
            PageProblem.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the"
                    + " server; it has been logged. Go back and try again.", null);
            return null;
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; it has been logged", List.of());
    }

    private ResponseEntity<Problem> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(database.retryAfterSeconds()))
                .body(new Problem(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(), 503, detail, List.of()));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static ResponseEntity<Problem> problem(HttpStatus status, String detail, List<Problem.FieldProblem> fields) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON)
                .body(new Problem(status.getReasonPhrase(), status.value(), detail, fields));
    }
}
