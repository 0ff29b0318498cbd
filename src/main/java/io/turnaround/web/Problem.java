package io.turnaround.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** An RFC 7807 problem body: what went wrong and, for bad input, which fields. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "What went wrong (RFC 7807); for bad input, which fields.")
public record Problem(@Schema(description = "The HTTP status's reason phrase", example = "Conflict") String title,
                      @Schema(description = "The HTTP status", example = "409") int status,
                      @Schema(description = "What went wrong, for a person to read",
                              example = "TCK-000001 is RESOLVED, not waiting") String detail,
                      @Schema(description = "For bad input: each field or parameter and what is wrong with it")
                      List<FieldProblem> errors) {

    @Schema(description = "A field or parameter and what is wrong with it")
    public record FieldProblem(@Schema(example = "from") String field,
                               @Schema(example = "must be a well-formed email address") String message) {
    }
}
