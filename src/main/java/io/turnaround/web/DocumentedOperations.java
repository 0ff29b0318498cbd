package io.turnaround.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.turnaround.staff.StaffRole;
import org.springdoc.core.customizers.OpenApiCustomiser;
import org.springframework.http.HttpStatus;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes into each operation of the API's description who may call it, as the URL rules enforce it
 * ({@link EnforcedRoles}): the roles in {@code x-roles} and in its description, and the refusals that follow (401,
 * 403). Every error it may answer gets the problem body that {@link ApiErrors} and the security chain write: those an
 * operation declares itself (a 409 where it conflicts), and those every operation of its kind can meet (400 for bad
 * input, 404 for a missing resource, 413 for a body too large, 429 after too many failed sign-ins, 503 while the
 * database does not answer).
 */
final class DocumentedOperations implements OpenApiCustomiser {

    /** The operation's extension listing the roles that may call it. */
    static final String ROLES = "x-roles";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = ApiErrors.PROBLEM_JSON.toString();

    private final EnforcedRoles enforced;

    DocumentedOperations(EnforcedRoles enforced) {
        this.enforced = enforced;
    }

    @Override
    public void customise(OpenAPI api) {
        ModelConverters.getInstance().readAll(Problem.class).forEach(api.getComponents()::addSchemas);
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            EnforcedRoles.Access access = enforced.of(method.name(), template, contentType(operation));
            describe(operation, access);
            errors(operation, template, access);
        }));
    }

    private static String contentType(Operation operation) {
        return operation.getRequestBody() == null || operation.getRequestBody().getContent() == null ? null
                : operation.getRequestBody().getContent().keySet().stream().findFirst().orElse(null);
    }

    private static void describe(Operation operation, EnforcedRoles.Access access) {
        List<String> roles = access.roles().stream().map(StaffRole::name).toList();
        operation.addExtension(ROLES, roles);
        String who = access.anonymous() ? "Anyone, signed in or not."
                : roles.isEmpty() ? "No role." : "Roles: " + String.join(", ", roles) + ".";
        operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank()
                ? who : operation.getDescription().strip() + "\n\n" + who);
        if (access.anonymous()) {
            operation.setSecurity(List.of());
        }
    }

    private static void errors(Operation operation, String template, EnforcedRoles.Access access) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean typedInput = body || operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> !"path".equals(p.getIn()) || !isText(p));
        if (typedInput) {
            add(responses, HttpStatus.BAD_REQUEST, "Invalid input: a field, parameter or body the operation cannot"
                    + " take; `errors` names the fields.", invalidInput(operation));
        }
        if (!access.anonymous()) {
            add(responses, HttpStatus.UNAUTHORIZED, "Not signed in: send HTTP basic credentials or an API token"
                    + " (`Authorization: Bearer tat_…`).",
                    example(HttpStatus.UNAUTHORIZED, "sign in with a staff account"));
        }
        if (!access.anonymous()) {
            add(responses, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins for this user name or from this"
                    + " address: refused, even with the right password, for `Retry-After` seconds.",
                    example(HttpStatus.TOO_MANY_REQUESTS, "too many failed sign-ins for this user or from this"
                            + " address; try again in 5 minutes"));
            retryAfter(responses, HttpStatus.TOO_MANY_REQUESTS);
        }
        if (access.roles().size() < StaffRole.values().length) {
            add(responses, HttpStatus.FORBIDDEN, "Refused: the caller's role may not do this.",
                    example(HttpStatus.FORBIDDEN, SecurityConfig.ROLE_REFUSED));
        }
        if (template.contains("{")) {
            add(responses, HttpStatus.NOT_FOUND, "What the path names does not exist.", null);
        }
        if (body) {
            long limit = RequestSizeLimit.limitFor(template);
            add(responses, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + limit + " bytes.",
                    example(HttpStatus.PAYLOAD_TOO_LARGE, "request body is larger than " + limit + " bytes"));
        }
        add(responses, HttpStatus.SERVICE_UNAVAILABLE, "The database does not answer: nothing was done; send it"
                + " again after `Retry-After` seconds.",
                example(HttpStatus.SERVICE_UNAVAILABLE, DatabaseGate.UNAVAILABLE));
        retryAfter(responses, HttpStatus.SERVICE_UNAVAILABLE);
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                withProblem(response, code);
            }
        });
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        operation.setResponses(sorted);
    }

    private static void retryAfter(ApiResponses responses, HttpStatus status) {
        responses.get(String.valueOf(status.value())).addHeaderObject("Retry-After",
                new Header().description("Seconds to wait before sending it again").schema(new IntegerSchema()));
    }

    private static boolean isText(Parameter parameter) {
        return parameter.getSchema() == null || "string".equals(parameter.getSchema().getType())
                && parameter.getSchema().getFormat() == null;
    }

    /** The response for this status, unless the operation declares its own (which says more). */
    private static void add(ApiResponses responses, HttpStatus status, String description,
                            Map<String, Object> example) {
        String code = String.valueOf(status.value());
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM_JSON, new MediaType().schema(problem()).example(example))));
        }
    }

    /** A problem body as the server writes it. */
    private static Map<String, Object> example(HttpStatus status, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        example.put("detail", detail);
        return example;
    }

    /** What {@link ApiErrors} says of a JSON body it cannot parse, or else of the operation's first bad parameter. */
    private static Map<String, Object> invalidInput(Operation operation) {
        String bodyType = contentType(operation);
        if (bodyType != null && bodyType.contains("json")) {
            return example(HttpStatus.BAD_REQUEST, "malformed JSON at line 1, column 12");
        }
        return operation.getParameters() == null ? null : operation.getParameters().stream().findFirst().map(p -> {
            Map<String, Object> example = example(HttpStatus.BAD_REQUEST, "parameter '" + p.getName() + "' is invalid");
            example.put("errors", List.of(Map.of("field", p.getName(), "message", "'x' is not valid")));
            return example;
        }).orElse(null);
    }

    /** An error the operation declares without a body of its own has the problem body. */
    private static void withProblem(ApiResponse response, String code) {
        if (response.getContent() == null || response.getContent().isEmpty()) {
            response.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem())));
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.description(HttpStatus.valueOf(Integer.parseInt(code)).getReasonPhrase());
        }
    }

    private static Schema<?> problem() {
        return new Schema<>().$ref("#/components/schemas/" + PROBLEM);
    }
}
