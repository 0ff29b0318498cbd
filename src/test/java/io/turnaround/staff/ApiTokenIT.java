package io.turnaround.staff;

import io.turnaround.support.Api;
import io.turnaround.support.ServerTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static io.turnaround.support.Api.basic;
import static io.turnaround.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** API tokens: made with a password, shown once, accepted as the same staff member, and dead once revoked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:tokens;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1")
class ApiTokenIT extends ServerTestBase {

    private static final String TICKET = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Login fails\",\"body\":\"since noon\"}";

    @Test
    void aTokenActsAsItsOwnerWithTheOwnersRoles() {
        Api.Response issued = api.post("intake", "/api/tokens", "{\"name\":\"mail gateway\"}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.body().get("token").asText();
        assertThat(token).startsWith("tat_").hasSizeGreaterThan(40);
        assertThat(issued.body().get("expiresAt").asText()).isNotBlank();

        Api.Response ticket = api.request("POST", bearer(token), "/api/tickets", TICKET);
        assertThat(ticket.status()).isEqualTo(201);
        assertThat(api.get("alice", "/api/tickets/" + ticket.body().get("key").asText()).text()).contains("\"actor\":\"intake\"");
        assertThat(api.request("GET", bearer(token), "/api/tasks", null).status())
                .as("intake may not read the task list, by token or by password").isEqualTo(403);
    }

    @Test
    void theSecretIsShownOnlyWhenTheTokenIsMade() {
        api.post("sam", "/api/tokens", "{\"name\":\"script\",\"validDays\":7}");

        Api.Response listed = api.get("sam", "/api/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).contains("\"name\":\"script\"").doesNotContain("tat_").doesNotContain("\"token\"");
    }

    @Test
    void aRevokedTokenIsRefused() {
        Api.Response issued = api.post("alice", "/api/tokens", "{\"name\":\"laptop\"}");
        String token = issued.body().get("token").asText();
        assertThat(api.request("GET", bearer(token), "/api/tasks", null).status()).isEqualTo(200);

        assertThat(api.request("DELETE", basic("hana"), "/api/tokens/" + issued.body().get("id").asLong(), null).status())
                .as("someone else's token").isEqualTo(404);
        assertThat(api.request("DELETE", basic("alice"), "/api/tokens/" + issued.body().get("id").asLong(), null).status())
                .isEqualTo(204);

        Api.Response refused = api.request("GET", bearer(token), "/api/tasks", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("detail").asText()).contains("revoked");
    }

    @Test
    void aTokenCannotMakeAnotherToken() {
        String token = api.post("dave", "/api/tokens", "{\"name\":\"ci\"}").body().get("token").asText();

        Api.Response refused = api.request("POST", bearer(token), "/api/tokens", "{\"name\":\"more\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).contains("password");
    }

    @Test
    void unknownTokensAndBadRequestsGetClearAnswers() {
        assertThat(api.request("GET", bearer("tat_made-up"), "/api/tasks", null).status()).isEqualTo(401);
        assertThat(api.request("GET", bearer("not even a token"), "/api/tasks", null).status()).isEqualTo(401);

        Api.Response noName = api.post("alice", "/api/tokens", "{\"validDays\":5000}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.text()).contains("name").contains("validDays");
    }
}
