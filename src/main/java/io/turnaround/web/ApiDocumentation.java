package io.turnaround.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.SpringDocUtils;
import org.springdoc.core.customizers.OpenApiCustomiser;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The REST API describes itself (springdoc): {@code /v3/api-docs} (and {@code .yaml}) is its OpenAPI description,
 * {@code /swagger-ui.html} the Swagger UI over it, for signed-in staff (README, "API documentation"). Only
 * {@code /api/**} is described ({@code springdoc.paths-to-match}); the staff pages are not an API. Each operation's
 * roles are asked of the API's URL rules themselves ({@link DocumentedOperations}), so they cannot drift from them.
 */
@Configuration
class ApiDocumentation {

    static final String BASIC = "basic";
    static final String TOKEN = "token";

    @Bean
    OpenAPI apiDescription() {
        // As Jackson writes them here: ISO-8601 text, not the objects' getters; bytes as a file, not a JSON array.
        SpringDocUtils.getConfig()
                .replaceWithSchema(byte[].class, new StringSchema().format("binary"))
                .replaceWithSchema(Duration.class, new StringSchema().format("duration").example("PT30M"))
                .replaceWithSchema(ZoneId.class, new StringSchema().example("America/New_York"))
                .replaceWithSchema(YearMonth.class, new StringSchema().pattern("^\\d{4}-\\d{2}$").example("2026-11"))
                .replaceWithSchema(LocalTime.class, new StringSchema().format("time").example("08:00"));
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A staff member's user name and password (BCrypt-checked on every request)."))
                .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("tat_…").description("An API token for a program (`POST /api/tokens`);"
                                + " it acts with its owner's roles."));
        // The build's version, from the jar's manifest; none when the classes run from a build folder.
        String version = Objects.requireNonNullElse(ApiDocumentation.class.getPackage().getImplementationVersion(),
                "development");
        return new OpenAPI()
                .info(new Info().title("Turnaround API").version(version).description("""
                        Tickets, tasks, clients, policy versions and the rest of Turnaround over HTTP. Every \
                        operation needs a signed-in staff member: HTTP basic or an API token, never a session \
                        cookie, so no CSRF token either. Each operation lists the roles that may call it \
                        (`x-roles`), read from the rules the server enforces; an error is a problem body \
                        (`application/problem+json`, RFC 7807), bad input naming its fields."""))
                .components(components)
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(TOKEN)));
    }

    @Bean
    OpenApiCustomiser rolesAndProblems(@Qualifier("api") SecurityFilterChain api, HandlerMappingIntrospector mvc) {
        return new DocumentedOperations(EnforcedRoles.of(api, mvc));
    }
}
