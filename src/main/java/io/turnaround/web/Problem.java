package io.turnaround.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 7807 problem body: what went wrong and, for bad input, which fields. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String title, int status, String detail, List<FieldProblem> errors) {

    public record FieldProblem(String field, String message) {
    }
}
