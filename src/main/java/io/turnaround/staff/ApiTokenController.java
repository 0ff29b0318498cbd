package io.turnaround.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.staff.ApiTokens.ApiToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Staff manage their own API tokens. Making one needs the password, so a leaked token cannot mint more. */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(730) Integer validDays) {
        Duration validFor() {
            return Duration.ofDays(validDays == null ? 90 : validDays);
        }
    }

    record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String token) {
        static TokenView of(ApiToken t, String secret) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt(), secret);
        }
    }

    @Operation(summary = "Make an API token for a program",
            description = "Only when signed in with a password: a token cannot make more. The secret is in this answer "
                    + "only.")
    @ApiResponse(responseCode = "201", description = "The token, with its secret")
    @ApiResponse(responseCode = "403", description = "Refused: signed in with an API token, not a password",
            content = @Content)
    @PreAuthorize("isAuthenticated()")
    @PostMapping
    ResponseEntity<TokenView> issue(@Valid @RequestBody NewToken request, Authentication user) {
        if (user instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("sign in with your password to make an API token");
        }
        ApiTokens.IssuedToken issued = tokens.issue(user.getName(), request.name().strip(), request.validFor());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.token().id()))
                .body(TokenView.of(issued.token(), issued.secret()));
    }

    @Operation(summary = "The caller's API tokens, without their secrets")
    @GetMapping
    List<TokenView> mine(Authentication user) {
        return tokens.of(user.getName()).stream().map(t -> TokenView.of(t, null)).toList();
    }

    @Operation(summary = "Revoke one of the caller's API tokens")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @PreAuthorize("isAuthenticated()")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication user) {
        if (!tokens.revoke(user.getName(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "you have no live API token " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
