package io.turnaround.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.oas.annotations.media.Schema;
import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import io.turnaround.support.StaffPages;
import io.turnaround.web.AccessTable.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's description on the real server: every {@code /api} endpoint Spring MVC maps is in it with a summary, the
 * roles that {@link AccessTable} says may call it (written there from the enforced rules, never by hand), and its
 * errors as problem bodies. Staff read it with a password, a token or the pages' session; nobody else does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:openapi;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class OpenApiDocumentIT extends ServerTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "#/components/schemas/Problem";
    /** Errors that answer with a report rather than a problem: what the upload or the import found wrong. */
    private static final Set<String> REPORTS = Set.of("POST /api/policy/versions 422", "POST /api/clients/import 422");

    @Autowired
    ApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyApiEndpointIsDescribedWithItsSummaryItsRolesAndItsProblems() {
        JsonNode description = api.get("alice", "/v3/api-docs").body();
        List<Endpoints.Endpoint> mapped = apiEndpoints();
        List<String> wrong = new ArrayList<>();

        for (Endpoints.Endpoint endpoint : mapped) {
            JsonNode operation = description.path("paths").path(endpoint.pattern()).path(endpoint.method().toLowerCase());
            if (operation.isMissingNode()) {
                wrong.add(endpoint.key() + " is not described");
                continue;
            }
            if (operation.path("summary").asText().isBlank()) {
                wrong.add(endpoint.key() + " has no summary");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            operation.path(DocumentedOperations.ROLES).forEach(role -> roles.add(Role.valueOf(role.asText())));
            if (!operation.has(DocumentedOperations.ROLES) || !roles.equals(AccessTable.EXPECTED.get(endpoint.key()))) {
                wrong.add(endpoint.key() + " says " + operation.path(DocumentedOperations.ROLES) + " may call it, the"
                        + " access table " + AccessTable.EXPECTED.get(endpoint.key()));
            }
            if (!operation.path("description").asText().contains("Roles: ")) {
                wrong.add(endpoint.key() + "'s description does not name its roles");
            }
            boolean someRefused = AccessTable.EXPECTED.get(endpoint.key()).size() < Role.values().length - 1;
            wrong.addAll(responsesOf(endpoint.key(), operation.path("responses"), description.path("components"),
                    someRefused ? List.of("401", "403") : List.of("401")));
        }
        Set<String> keys = mapped.stream().map(Endpoints.Endpoint::key).collect(Collectors.toSet());
        description.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (!keys.contains(method.toUpperCase() + " " + path.getKey())) {
                        wrong.add(method.toUpperCase() + " " + path.getKey() + " is described but not an /api endpoint");
                    }
                }));

        assertThat(mapped).as("the /api endpoints").hasSizeGreaterThan(90);
        assertThat(wrong).as("what the API's description lacks or gets wrong").isEmpty();
    }

    /** A success, the refusals as the security chain writes them, and every error's body a problem (or a report). */
    private static List<String> responsesOf(String key, JsonNode responses, JsonNode components, List<String> refusals) {
        List<String> wrong = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(codes::add);
        if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
            wrong.add(key + " has no success response");
        }
        for (String code : refusals) {
            if (!responses.path(code).path("content").path(DocumentedOperations.PROBLEM_JSON).path("schema")
                    .path("$ref").asText().equals(PROBLEM)) {
                wrong.add(key + " " + code + " is not a problem body");
            }
        }
        for (String code : codes) {
            if (!code.startsWith("4") && !code.startsWith("5") || REPORTS.contains(key + " " + code)) {
                continue;
            }
            JsonNode schema = responses.path(code).path("content").path(DocumentedOperations.PROBLEM_JSON).path("schema");
            String ref = schema.path("$ref").asText();
            JsonNode fields = components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties");
            boolean problem = ref.equals(PROBLEM) || ref.startsWith("#/components/schemas/")
                    && fields.has("title") && fields.has("status") && fields.has("detail");
            if (!problem) {
                wrong.add(key + " " + code + " is not a problem body: " + responses.path(code).path("content"));
            }
        }
        return wrong;
    }

    /**
     * springdoc names a schema by its class's simple name: two classes of that name in the API would share one schema,
     * the last one read replacing the other in every operation. Such a class gets {@code @Schema(name = ...)}.
     */
    @Test
    void noTwoTypesOfTheApiShareASchemaName() {
        Map<String, Set<String>> types = new TreeMap<>();
        Deque<JavaType> todo = new ArrayDeque<>();
        Set<JavaType> seen = new HashSet<>();
        todo.add(JSON.constructType(Problem.class)); // every error's body
        for (Endpoints.Endpoint endpoint : apiEndpoints()) {
            todo.add(JSON.constructType(endpoint.handler().getReturnType().getGenericParameterType()));
            for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    todo.add(JSON.constructType(parameter.getGenericParameterType()));
                }
            }
        }
        while (!todo.isEmpty()) {
            JavaType type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (type.isContainerType()) {
                todo.add(type.getContentType());
                continue;
            }
            todo.addAll(type.getBindings().getTypeParameters());
            Class<?> raw = type.getRawClass();
            if (!raw.getName().startsWith("io.turnaround.") || raw.isEnum()) {
                continue;
            }
            types.computeIfAbsent(schemaName(type), name -> new TreeSet<>()).add(type.toCanonical());
            for (BeanPropertyDefinition property : JSON.getSerializationConfig().introspect(type).findProperties()) {
                todo.add(property.getPrimaryType());
            }
        }

        assertThat(types).as("the API's types").hasSizeGreaterThan(50);
        assertThat(types.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString).toList())
                .as("schema names shared by different types: give one @Schema(name = ...)").isEmpty();
    }

    /** As springdoc names it: {@code @Schema(name)}, or the simple name followed by those of its type arguments. */
    private static String schemaName(JavaType type) {
        Schema schema = type.getRawClass().getAnnotation(Schema.class);
        String name = schema != null && !schema.name().isEmpty() ? schema.name() : type.getRawClass().getSimpleName();
        return name + type.getBindings().getTypeParameters().stream().map(JavaType::getRawClass)
                .map(Class::getSimpleName).collect(Collectors.joining());
    }

    @Test
    void anonymousCallersGet401ForTheDescriptionAndTheSignInPageForTheUi() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config")) {
            HttpResponse<String> refused = fetch(path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValue(DocumentedOperations.PROBLEM_JSON);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"turnaround\"");
            assertThat(refused.headers().firstValue("Set-Cookie")).as(path + " starts no session").isEmpty();
        }
        assertThat(fetch("/v3/api-docs", Api.basic("alice", "wrong password")).statusCode()).isEqualTo(401);
        for (String path : List.of("/swagger-ui.html", "/swagger-ui/index.html")) {
            HttpResponse<String> page = fetch(path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(URI.create(page.headers().firstValue("Location").orElseThrow()).getPath()).as(path)
                    .isEqualTo("/login");
        }
    }

    @Test
    void staffReadTheDescriptionWithAPasswordATokenOrThePagesSession() throws Exception {
        HttpResponse<String> basic = fetch("/v3/api-docs", Api.basic("intake"));
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(basic.body()).path("info").path("title").asText()).isEqualTo("Turnaround API");
        assertThat(basic.headers().firstValue("Set-Cookie")).as("a basic sign-in lasts for its request").isEmpty();
        String token = api.post("dave", "/api/tokens", "{\"name\":\"docs reader\"}").body().get("token").asText();
        HttpResponse<String> yaml = fetch("/v3/api-docs.yaml", Api.bearer(token));
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.0.1").contains("/api/tickets/{key}:");

        StaffPages browser = StaffPages.signIn(port, "andy");
        assertThat(browser.response("/v3/api-docs").statusCode()).as("the Swagger UI's own request").isEqualTo(200);
        JsonNode settings = JSON.readTree(browser.response("/v3/api-docs/swagger-config").body());
        assertThat(settings.path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(settings.path("validatorUrl").asText()).as("nothing sends the description elsewhere").isEqualTo("none");
        HttpResponse<String> ui = browser.response("/swagger-ui.html");
        assertThat(ui.statusCode()).isEqualTo(302);
        assertThat(ui.headers().firstValue("Location")).hasValue("/swagger-ui/index.html");
        HttpResponse<String> page = browser.response("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityHeaders.swaggerUiPolicy(List.of()));
        assertThat(browser.response("/tasks").headers().firstValue("Content-Security-Policy"))
                .as("every other page keeps the strict policy").hasValue(SecurityHeaders.policy(List.of()));

        StaffPages program = StaffPages.signIn(port, "intake");
        assertThat(program.response("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(program.response("/swagger-ui.html").statusCode()).as("not a role of the pages").isEqualTo(403);
    }

    private List<Endpoints.Endpoint> apiEndpoints() {
        return Endpoints.of(context).stream().filter(e -> e.pattern().startsWith("/api/")).toList();
    }

    private HttpResponse<String> fetch(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return StaffPages.send(http, request.build());
    }
}
