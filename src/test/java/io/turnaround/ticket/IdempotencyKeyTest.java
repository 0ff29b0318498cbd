package io.turnaround.ticket;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Idempotency-Keys as they come in a header, and when two requests are the same request. */
class IdempotencyKeyTest {

    @Test
    void aKeyIsOneTo255VisibleAsciiCharactersOfItsCaller() {
        assertThat(IdempotencyKey.of("intake", null)).isNull();
        assertThat(IdempotencyKey.of("intake", "7c9e6679-7425-40de-944b-e07fc1f90ae7"))
                .isEqualTo(new IdempotencyKey("intake", "7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        assertThat(IdempotencyKey.of("intake", "k".repeat(255)).value()).hasSize(255);
        for (String bad : new String[] {"", "k".repeat(256), "two words", "tab\there", "caf\u00e9"}) {
            assertThatThrownBy(() -> IdempotencyKey.of("intake", bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidTicketRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
        }
    }

    @Test
    void theSameFieldsAreTheSameRequestHoweverTheyWereWritten() {
        NewTicket request = new NewTicket("ops@goldcrest.example", "Site down", "help", null,
                Instant.parse("2026-12-06T10:00:00Z"), null);
        NewTicket sameInstantOtherOffset = new NewTicket("ops@goldcrest.example", "Site down", "help", Channel.API,
                java.time.OffsetDateTime.parse("2026-12-06T02:00:00-08:00").toInstant(), null);

        assertThat(RequestFingerprint.of(request)).hasSize(64).isEqualTo(RequestFingerprint.of(sameInstantOtherOffset));
        assertThat(RequestFingerprint.of(request)).isNotEqualTo(RequestFingerprint.of(new NewTicket(
                "ops@goldcrest.example", "Site down", "help!", null, request.receivedAt(), null)));
        assertThat(RequestFingerprint.of(request)).isNotEqualTo(RequestFingerprint.of(new NewTicket(
                "ops@goldcrest.example", "Site down", "help", null, request.receivedAt(), Category.EMERGENCY)));
        assertThat(RequestFingerprint.of(new NewTicket("a@b.example", "ab", "c", null, null, null)))
                .as("fields do not run into each other")
                .isNotEqualTo(RequestFingerprint.of(new NewTicket("a@b.example", "a", "bc", null, null, null)));
    }
}
